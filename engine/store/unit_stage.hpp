#pragma once
// The transaction one claimed unit writes its staged lines in (the unit_ tables of
// migrations/V017): what the row pass staged, the stored normalised values it did not find
// again, and the unit's result. commit() writes the unit's status 'staged' only if its holder
// still holds it, in the same transaction as the lines: a unit is staged once, by one holder,
// or not at all (a worker that dies or loses its lease leaves nothing behind).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/scan_results.hpp"
#include "engine/store/unit_queue.hpp"

namespace jiaohe::engine::store {

class UnitStage {
 public:
  UnitStage(const std::string& url, const UnitClaim& unit, std::string holder);
  ~UnitStage();  // rolls back unless committed

  // The dataset's watermark (newest last update of the last successful scan), if any.
  std::optional<std::string> watermark(const std::string& dataset_id);
  // The stored normalised values of the dataset as COPY lines of (ctid, record_key, attribute,
  // subject_id, value).
  void read_canonical_values(const std::string& dataset_id, const std::function<void(std::string_view)>& on_line);

  void stage(const StagedLines& lines);
  // Row addresses (ctid text) of stored values that are gone.
  void stage_gone(const std::vector<std::string>& ctids);

  // Records the result and commits; false (and rolled back) when the unit has another holder.
  bool commit(UnitResult result);
  // Rolls back; never throws.
  void abandon() noexcept;

 private:
  std::unique_ptr<PgSession> session_;
  UnitClaim unit_;
  std::string holder_;
  std::int64_t lines_ = 0;
  bool open_ = false;
};

}  // namespace jiaohe::engine::store
