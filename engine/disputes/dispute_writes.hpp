#pragma once
// What a dispute decision reads and writes of dispute rows, inside the unit of work that also
// holds its tasks (engine/tasks/unit_of_work.hpp). Row I/O only; the desk decides.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/disputes/dispute.hpp"
#include "engine/disputes/filing.hpp"
#include "engine/disputes/publication.hpp"
#include "engine/disputes/supporting_document.hpp"

namespace jiaohe::engine::disputes {

// A dispute's row as its decisions need it.
struct DisputeRecord {
  std::int64_t id = 0;
  DisputeKind kind = DisputeKind::kDispute;
  std::string subject_id, dataset_id, attribute, agency_code;
  std::string claimed_value, description;  // the party's claim, which travels with every step
  DisputeStatus status = DisputeStatus::kOpen;
  nlohmann::json notify;
  std::optional<Publication> publication;  // a withdrawal request's record; none for a dispute
};

class DisputeWrites {
 public:
  virtual ~DisputeWrites() = default;
  // A new open dispute filed at `filed_at`, with the subject's values snapshotted as its
  // evidence in the same statement; returns its id.
  virtual std::int64_t insert_dispute(const Filing& filing, Instant filed_at) = 0;
  // The dispute, locked until the unit ends; engine::Error(kNotFound) when there is none.
  virtual DisputeRecord load_dispute(std::int64_t id) = 0;
  virtual void set_dispute_status(std::int64_t id, DisputeStatus status) = 0;
  // The result of a verification or review, with the status it leaves the dispute in.
  virtual void record_result(std::int64_t id, DisputeStatus status, const std::string& result,
                             const std::string& reason) = 0;
  // The withdrawal request's record entered `publication` at `at`.
  virtual void set_publication(std::int64_t id, Publication publication, Instant at) = 0;
  // How many supporting documents the dispute carries.
  virtual int count_documents(std::int64_t dispute_id) = 0;
  // A supporting document of the dispute as `info` describes it (its id ignored); returns the id.
  virtual std::int64_t insert_document(const DocumentInfo& info, const std::string& content) = 0;
};

}  // namespace jiaohe::engine::disputes
