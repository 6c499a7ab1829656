#pragma once
// Running one unit of work of the workflow (engine/tasks/unit_of_work.hpp): in a transaction of
// its own on a pooled connection, or in the group committer's next batch. Committed when the
// body returns normally; an exception rolls all of it back. Includes no libpqxx: this is how
// the domain reaches the database to write.
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "engine/clock.hpp"
#include "engine/tasks/unit_of_work.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::store {

class GroupCommitter;

// Where units of work commit: the database, what the workflow is set up with, and (optional) a
// group committer, whose batches a unit may run in twice (so a body writes only through its
// unit, from captured inputs).
struct WorkflowDb {
  std::string url;
  tasks::WorkflowSetup setup;
  GroupCommitter* committer = nullptr;
};

void run_unit(const WorkflowDb& db, Instant now, const std::function<void(tasks::UnitOfWork&)>& body);

// `body(unit)` committed; returns what it returns.
template <typename Body>
auto in_unit(const WorkflowDb& db, Instant now, Body&& body) {
  using Result = decltype(body(std::declval<tasks::UnitOfWork&>()));
  if constexpr (std::is_void_v<Result>) {
    run_unit(db, now, body);
  } else {
    std::optional<Result> result;
    run_unit(db, now, [&](tasks::UnitOfWork& unit) { result.emplace(body(unit)); });
    return std::move(*result);
  }
}

}  // namespace jiaohe::engine::store
