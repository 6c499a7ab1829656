#include "engine/scan/catalogue_check.hpp"

#include "engine/store/row_source.hpp"
#include "rules/json_checks.hpp"

namespace jiaohe::engine::scan {
namespace {

using rules::json_checks::fail;
using rules::json_checks::with_suggestion;
using rules::json_checks::Where;
using E = catalog::CatalogueError;
using rules::normalize::UpdateForm;

std::string where_data(const catalog::DatasetDef& d) {
  return d.database_url.empty() ? "in Jiaohe's database" : "in the dataset's database_url";
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

rules::normalize::UpdateColumnForm check_dataset(const catalog::Catalogue& catalogue,
                                                 const catalog::DatasetDef& d, const TableColumns* columns) {
  const Where where{catalogue.source, d.pointer, "dataset " + d.id};
  if (!columns)
    fail<E>(where.at("table"), "table " + d.table + " does not exist " + where_data(d) +
                                   "; create it, or correct \"table\" (schema.table)");
  std::vector<std::string> names;
  for (const auto& [name, type] : *columns) names.push_back(name);
  const auto require_column = [&](const std::string& column, const Where& at) -> const std::string& {
    const auto it = columns->find(column);
    if (it == columns->end())
      fail<E>(at, with_suggestion("column \"" + column + "\" does not exist in " + d.table, column, names) +
                      "; correct the column name in the catalogue or add the column to the table");
    return it->second;
  };
  require_column(d.record_key, where.at("record_key"));
  for (std::size_t i = 0; i < d.columns.size(); ++i)
    require_column(d.columns[i].column, where.at("columns").at(i).at("column"));
  const std::string& type = require_column(d.last_update_column, where.at("last_update_column"));

  rules::normalize::UpdateColumnForm form;
  form.offset_minutes = d.last_update_offset_minutes;
  const bool text = type == "text" || starts_with(type, "character");
  if (starts_with(type, "timestamp") && type.find("with time zone") != std::string::npos &&
      type.find("without") == std::string::npos) {
    form.form = UpdateForm::kTimestampTz;
  } else if (starts_with(type, "timestamp")) {
    form.form = UpdateForm::kTimestamp;  // local time of last_update_zone
  } else if (type == "date") {
    form.form = UpdateForm::kDate;  // the end of that day in last_update_zone
  } else if (text) {
    if (d.last_update_format.empty())
      fail<E>(where.at("last_update_format"),
              "column " + d.last_update_column + " is " + type +
                  ": declare how its instants are written, e.g. \"last_update_format\": \"%Y%m%d%H%M%S\"");
    form.form = UpdateForm::kText;
    form.format = d.last_update_format;
  } else {
    fail<E>(where.at("last_update_column"),
            "column " + d.last_update_column + " has type " + type +
                "; the last update must be timestamp with time zone, timestamp without time zone or date (in "
                "last_update_zone, default Asia/Shanghai), or text with last_update_format");
  }
  if (!text && !d.last_update_format.empty())
    fail<E>(where.at("last_update_format"), "applies to text columns only; column " + d.last_update_column +
                                                " is " + type + ": remove \"last_update_format\"");
  return form;
}

std::map<std::string, rules::normalize::UpdateColumnForm> check_datasets(
    const catalog::Catalogue& catalogue, const std::vector<const catalog::DatasetDef*>& datasets,
    store::RowSource& source) {
  std::map<std::string, rules::normalize::UpdateColumnForm> out;
  for (const auto* d : datasets) {
    const auto columns = source.describe(*d);
    out[d->id] = check_dataset(catalogue, *d, columns ? &*columns : nullptr);
  }
  return out;
}

}  // namespace jiaohe::engine::scan
