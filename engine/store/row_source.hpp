#pragma once
// Where a scan reads a dataset's rows from: Jiaohe's database or the dataset's own platform
// database, one COPY stream at a time, every stream of a dataset in one snapshot (so that a
// second read of the same query sees the same rows in the same order).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "rules/normalize/update_instant.hpp"

namespace jiaohe::engine::store {

class PgSession;
using rules::normalize::UpdateForm;

// Which rows of a dataset a read takes, by last update against a watermark.
enum class RowFilter { kAll, kUpdatedAfter, kNotUpdatedAfter };


class RowSource {
 public:
  explicit RowSource(const std::string& url);
  ~RowSource();

  // About how many rows the dataset has now (0: unknown, e.g. never analysed or a view).
  std::int64_t estimate_rows(const catalog::DatasetDef& dataset);
  // The columns of the dataset's table and their types (domains resolved to their base type,
  // as PostgreSQL's format_type writes them), or nullopt when there is no such table or view.
  std::optional<std::map<std::string, std::string>> describe(const catalog::DatasetDef& dataset);

  // Opens the snapshot of `dataset` that the reads below share; close() ends it.
  void open(const catalog::DatasetDef& dataset);
  // Streams record key, `columns` and the update column (all as text) of the rows `filter`
  // picks; a filter other than kAll needs `since`. Text update columns cannot be filtered
  // by the database: kUpdatedAfter then reads every row and kNotUpdatedAfter none.
  void read(const catalog::DatasetDef& dataset, const std::vector<std::string>& columns, UpdateForm type,
            RowFilter filter, const std::optional<std::string>& since,
            const std::function<void(std::string_view)>& on_line);
  void close(const catalog::DatasetDef& dataset);
  // Ends an open snapshot after a failure, ignoring errors of a broken connection.
  void abandon(const catalog::DatasetDef& dataset) noexcept;

  // The session a dataset lives in (column checks).
  PgSession& session(const catalog::DatasetDef& dataset);

 private:
  std::string url_;
  std::unique_ptr<PgSession> local_;
  std::map<std::string, std::unique_ptr<PgSession>> remote_;  // datasets in separate platform databases
};

}  // namespace jiaohe::engine::store
