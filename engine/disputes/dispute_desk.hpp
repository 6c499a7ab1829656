#pragma once
// Where disputes are filed and decided: filing (a dispute or an Art. 44 withdrawal request)
// opens the procedure's first task, the authority forwards what was filed with it, a result
// closes the task and notifies the party, and the party may appeal a result once. Each
// decision is one unit of work (engine/tasks/unit_of_work.hpp); the reads are the store's.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/clock.hpp"
#include "engine/disputes/dispute.hpp"
#include "engine/disputes/filing.hpp"
#include "engine/disputes/supporting_document.hpp"
#include "engine/store/page.hpp"
#include "engine/store/workflow_tx.hpp"
#include "engine/tasks/task.hpp"
#include "engine/tasks/workflow_setup.hpp"

namespace jiaohe::engine::disputes {

class DisputeDesk {
 public:
  // With a committer, filings are committed in its batches (group commit); file() still returns
  // only once its filing is durable.
  DisputeDesk(std::string url, tasks::WorkflowSetup setup, store::GroupCommitter* committer = nullptr);

  // Validates (validate_filing) and files; committed when it returns.
  Filed file(const DisputeRequest& request, Instant now);
  // Files what validate_filing accepted: the dispute row with its evidence, and its first task
  // (verify_withdrawal; forward_dispute for the authority; else verify_dispute), flagging the
  // disputed values while it runs.
  Filed file(const Filing& filing, Instant now);
  // The authority forwards a dispute filed with it; the agency's verify_dispute task is timed
  // from now. Returns the new task.
  tasks::Task forward(std::int64_t task_id, const tasks::Actor& actor, Instant now);
  // The result of a verify_dispute, verify_withdrawal or review task: closes it, records the
  // result on the dispute and notifies the party.
  tasks::Task answer(std::int64_t task_id, const std::string& result, const std::string& reason,
                     const tasks::Actor& actor, Instant now);
  // The party disagrees with the result (once): a review task for the authority.
  tasks::Task appeal(std::int64_t dispute_id, const std::string& reason, Instant now);
  // A supporting document for the dispute, sent by `actor` (the party, or the authority for
  // it). kInvalidInput when check_document refuses the content; kConflict when the dispute is
  // closed or already carries kMaxDocuments (checked with the dispute locked, so two uploads at
  // once cannot make a sixth). Returns the document as lists describe it.
  DocumentInfo attach(std::int64_t dispute_id, const std::string& content, const tasks::Actor& actor, Instant now);

  // Reads (engine/store/dispute_store.hpp).
  std::string status(std::int64_t dispute_id) const;
  DisputeView view(std::int64_t dispute_id) const;
  store::Page<DisputeView> list(const DisputeFilter& filter, const store::PageQuery& page) const;
  nlohmann::json evidence(std::int64_t dispute_id) const;
  std::vector<DocumentInfo> documents(std::int64_t dispute_id) const;
  // The document with its bytes; kNotFound when the dispute has no such document.
  Document document(std::int64_t dispute_id, std::int64_t document_id) const;

 private:
  store::WorkflowDb db_;
};

}  // namespace jiaohe::engine::disputes
