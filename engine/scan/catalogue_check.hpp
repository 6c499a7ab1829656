#pragma once
// The catalogue against the database, before a scan reads a row (and `jiaohe catalogue
// check`): every table, column and update-column type the catalogue names must exist and
// fit. A mistake is a CatalogueError naming the catalogue file, the dataset, the JSON pointer
// and the fix; never a raw PostgreSQL error halfway through a scan.
#include <map>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "rules/normalize/update_instant.hpp"

namespace jiaohe::engine::store {
class RowSource;
}

namespace jiaohe::engine::scan {

// The columns of one table and their types (format_type), as the database describes them.
using TableColumns = std::map<std::string, std::string>;

// How the dataset's update column is read, given the database's description of its table
// (nullptr: no such table). Throws catalog::CatalogueError.
rules::normalize::UpdateColumnForm check_dataset(const catalog::Catalogue& catalogue,
                                                 const catalog::DatasetDef& dataset, const TableColumns* columns);

// check_dataset() for each dataset, reading the descriptions from `source`.
std::map<std::string, rules::normalize::UpdateColumnForm> check_datasets(
    const catalog::Catalogue& catalogue, const std::vector<const catalog::DatasetDef*>& datasets,
    store::RowSource& source);

}  // namespace jiaohe::engine::scan
