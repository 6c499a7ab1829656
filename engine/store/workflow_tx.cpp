#include "engine/store/workflow_tx.hpp"

#include "engine/store/group_commit.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {

void run_unit(const WorkflowDb& db, Instant now, const std::function<void(tasks::UnitOfWork&)>& body) {
  if (db.committer) {
    db.committer->run_unit(now, body);
  } else {
    in_task_tx(db.url, db.setup, now, [&](TaskTx& t) { body(t); });
  }
}

}  // namespace jiaohe::engine::store
