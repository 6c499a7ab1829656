// `jiaohe catalogue check`: the catalogue and the pack against the database, before any scan.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/scan/catalogue_check.hpp"
#include "engine/scan/dataset_plan.hpp"
#include "engine/store/database.hpp"
#include "engine/store/row_source.hpp"
#include "rules/kind_registry.hpp"

namespace jiaohe::cli {
namespace {

std::string form_text(const rules::normalize::UpdateColumnForm& form, const engine::catalog::DatasetDef& d) {
  using rules::normalize::UpdateForm;
  switch (form.form) {
    case UpdateForm::kTimestampTz: return "an instant";
    case UpdateForm::kTimestamp: return "local time in " + d.last_update_zone;
    case UpdateForm::kDate: return "the end of that day in " + d.last_update_zone;
    case UpdateForm::kText: return "text \"" + form.format + "\", local time in " + d.last_update_zone;
  }
  return "";
}

// Art. 30's class and whether the open-data platform publishes the dataset now; published
// unconditionally, every column is read for personal identifiers (personal_data_exposure).
std::string opening_text(const engine::catalog::DatasetDef& d) {
  using engine::catalog::OpeningClass;
  const char* cls = d.opening_class == OpeningClass::kUnconditional ? "unconditional"
                    : d.opening_class == OpeningClass::kRestricted  ? "restricted"
                                                                    : "prohibited";
  return std::string(cls) + (d.published ? ", published" : ", not published") +
         (d.opened_unconditionally() ? ": every column is read for personal identifiers" : "");
}

std::string rule_list(const std::vector<const rules::RuleDef*>& rules) {
  std::string out;
  for (const auto* r : rules) out += (out.empty() ? "" : ", ") + r->id + " " + r->kind;
  return out.empty() ? "none" : out;
}

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (args.positionals.size() != 1 || args.positionals[0] != "check")
    throw UsageError("the only subcommand is: catalogue check");
  const auto config = with_database_flag(base, args);
  const auto workflow = load_workflow(args, config);
  const auto& catalogue = workflow.catalogue;
  engine::store::DatabaseLocation db(config);
  engine::store::RowSource source(db.url());
  std::vector<std::string> ids;
  for (const auto& d : catalogue.datasets) ids.push_back(d.id);
  const auto datasets = engine::scan::datasets_to_read(ids, catalogue, workflow.pack);
  // Throws the first mistake with file, dataset, JSON pointer and the fix.
  const auto forms = engine::scan::check_datasets(catalogue, datasets, source);

  const rules::kinds::RowContext context{};
  std::cout << "catalogue " << catalogue.source << ": " << catalogue.datasets.size() << " datasets, pack "
            << workflow.pack.name << " " << workflow.pack.version << ": " << workflow.pack.rules.size()
            << " rules; every table, column and update column is as the catalogue says.\n"
            << "A scan would read:\n";
  for (const auto* d : datasets) {
    const auto plan = engine::scan::plan_dataset(*d, catalogue, workflow.pack, context, forms.at(d->id), {}, true);
    const auto columns = *source.describe(*d);
    std::cout << "\n" << d->id << " (" << d->title << ", " << d->agency.name << "): " << d->table
              << (d->database_url.empty() ? " in Jiaohe's database" : " in its own database (database_url)")
              << ", about " << source.estimate_rows(*d) << " rows\n";
    std::cout << "  record key   " << d->record_key << " (" << columns.at(d->record_key) << ")\n";
    std::cout << "  last update  " << d->last_update_column << " (" << columns.at(d->last_update_column) << ", read as "
              << form_text(forms.at(d->id), *d) << "), promised " << d->update_frequency << "\n";
    std::cout << "  opening      " << opening_text(*d) << "\n";
    for (const auto& c : plan.columns)
      std::cout << "  column       " << c.column << " (" << columns.at(c.column) << ") -> " << c.attribute->name
                << ", normaliser " << c.attribute->normalizer << (c.values.empty() ? "" : ", with a value map")
                << "\n";
    std::vector<const rules::RuleDef*> row, set;
    for (const auto& c : plan.row_checks) row.push_back(c.rule);
    for (const auto& s : plan.row_staleness) set.push_back(s.rule);
    for (const auto& s : plan.dataset_staleness) set.push_back(s.rule);
    for (const auto* r : plan.set_rules) set.push_back(r);
    for (const auto* r : plan.exposure_rules) set.push_back(r);
    std::cout << "  row rules    " << rule_list(row) << "\n  set rules    " << rule_list(set) << "\n";
  }
  return 0;
}

}  // namespace

Command catalogue_command() {
  auto flags = with_workflow_flags({database_url_flag()});
  return {"catalogue",
          "check the catalogue against the database and show what a scan would read",
          "check",
          "Loads the catalogue and the rule pack, then checks every table, column and update-column\n"
          "type the catalogue names against the database (the platform databases of datasets with a\n"
          "database_url too), as every scan does before it reads a row. A mistake is reported with the\n"
          "catalogue file, the dataset, the JSON pointer and the fix (exit status 1). Otherwise prints,\n"
          "per dataset, the table, the columns and their attributes and normalisers, how the last\n"
          "update is read, and the row and set rules that apply. See docs/CATALOGUE.md.",
          flags,
          run};
}

}  // namespace jiaohe::cli
