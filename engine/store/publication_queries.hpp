#pragma once
// The publication of datasets as the open-data platform must see it: the datasets whose
// publication an exposure task suspended (Art. 44 para. 3, engine/tasks/exposure_suspension.hpp),
// now suspended or resumed since, with the exposure tasks still open. A dataset never suspended
// has no row. Written by the workflow's unit of work (dataset_publication, V015).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"

namespace jiaohe::engine::store {

struct DatasetPublication {
  std::string dataset_id;
  std::string state;  // suspended, resumed
  Instant since;
  std::int64_t task_id = 0;             // the task whose opening suspended or whose closing resumed it
  std::vector<std::int64_t> open_tasks;  // its exposure tasks not final yet, by id
};

// Every dataset ever suspended, by id; only those in `state` and of `dataset` when given.
std::vector<DatasetPublication> dataset_publications(const std::string& url, const std::optional<std::string>& state,
                                                     const std::optional<std::string>& dataset);

}  // namespace jiaohe::engine::store
