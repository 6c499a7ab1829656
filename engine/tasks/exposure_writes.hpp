#pragma once
// What the dataset-level suspension of Art. 44 para. 3 reads and writes inside the unit of work
// (engine/tasks/unit_of_work.hpp): which tasks verify findings of a rule kind, and the dataset's
// publication row. Row I/O only; engine/tasks/exposure_suspension decides.
#include <cstdint>
#include <optional>
#include <string>

#include "engine/clock.hpp"
#include "engine/disputes/publication.hpp"

namespace jiaohe::engine::tasks {

// The rule kind whose open tasks suspend their dataset's publication (rules/kind_registry.cpp).
inline constexpr const char* kExposureRuleKind = "personal_data_exposure";

class ExposureWrites {
 public:
  virtual ~ExposureWrites() = default;
  // Whether the task verifies at least one finding of a rule of `rule_kind`.
  virtual bool verifies_rule_kind(std::int64_t task_id, const std::string& rule_kind) = 0;
  // Live (not final) verify_finding tasks of the dataset that verify a finding of `rule_kind`.
  virtual int live_tasks_of_rule_kind(const std::string& dataset_id, const std::string& rule_kind) = 0;
  // The dataset's publication as the suspension left it (nullopt: never suspended). Read and
  // written only under FindingWrites::lock_finding_tasks, so what it says holds until commit.
  virtual std::optional<disputes::Publication> dataset_publication(const std::string& dataset_id) = 0;
  // The dataset's publication entered `state` at `at` by the opening or closing of `task_id`.
  virtual void set_dataset_publication(const std::string& dataset_id, disputes::Publication state,
                                       std::int64_t task_id, Instant at) = 0;
};

}  // namespace jiaohe::engine::tasks
