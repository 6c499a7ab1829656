#include "engine/disputes/dispute_desk.hpp"

#include <optional>

#include "engine/error.hpp"
#include "engine/log/mask.hpp"
#include "engine/disputes/dispute_claim.hpp"
#include "engine/disputes/publication.hpp"
#include "engine/store/dispute_store.hpp"
#include "engine/tasks/task_flow.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::engine::disputes {
namespace {

using tasks::Task;
using tasks::TaskKind;
using tasks::UnitOfWork;

const tasks::Actor kParty{"party", tasks::ActorRole::kParty, {}};

std::optional<std::string> null_if_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// A task of the dispute's procedure, flagging the disputed values while it is open; its
// task_opened notification carries the claim.
Task open_dispute_task(UnitOfWork& u, TaskKind kind, const DisputeRecord& d, const std::string& assignee,
                       std::optional<std::int64_t> parent, const std::string& reason) {
  Task task;
  task.kind = kind;
  task.assignee = assignee;
  task.dispute_id = d.id;
  task.parent_task_id = parent;
  task.dataset_id = d.dataset_id;
  task = tasks::open_task(u, task, kParty, reason, std::nullopt, {{"claim", claim_payload(d)}});
  u.insert_flag(task.id, d.subject_id, null_if_empty(d.dataset_id), std::nullopt, null_if_empty(d.attribute));
  tasks::announce_flags(u, task, kParty);
  return task;
}

// The record the withdrawal request is about enters `to`: the dispute row, an event of `task`
// (so the history shows it) and the notice to the open-data platform, in the unit of the
// decision that moved it. Returns the event, for the dispute's history.
DisputeEvent move_publication(UnitOfWork& u, const DisputeRecord& d, const Task& task, Publication to,
                              const tasks::Actor& actor, const std::string& why) {
  u.set_publication(d.id, to, u.now());
  const auto name = publication_name(to);
  const auto from = d.publication ? nlohmann::json(publication_name(*d.publication)) : nlohmann::json();
  const auto event_id = u.insert_event(task.id, "publication_" + name, actor, nlohmann::json{{"publication", from}},
                                       nlohmann::json{{"publication", name}}, why);
  if (const auto notice = publication_notice(to))
    tasks::notify(u, task, *notice, kOpenDataRecipient, *notice + ":" + std::to_string(d.id) + ":" + std::to_string(event_id),
                  event_id,
                  {{"publication",
                    {{"state", name},
                     {"dataset_id", d.dataset_id},
                     // Masked: a webhook leaves the process. The platform reads the full
                     // identifier with GET /v1/disputes/{withdrawal_id}.
                     {"subject_id", log::mask_identifier(d.subject_id)},
                     {"attribute", d.attribute.empty() ? nlohmann::json() : nlohmann::json(d.attribute)},
                     {"withdrawal_id", d.id},
                     {"reason", why}}}});
  return DisputeEvent{u.now(), task.id, task.step, "publication_" + name, tasks::role_name(actor.role), why};
}

// The party's claim as filed (what, about whom, to whom), from the filing to the record and
// from the record to the view the filer gets back: the three name these members alike.
template <typename From, typename To>
void copy_claim(const From& from, To& to) {
  to.subject_id = from.subject_id;
  to.dataset_id = from.dataset_id;
  to.attribute = from.attribute;
  to.agency_code = from.agency_code;
  to.claimed_value = from.claimed_value;
  to.description = from.description;
}

Filed file_in(UnitOfWork& u, const Filing& f) {
  const auto now = u.now();
  DisputeRecord d;
  d.id = u.insert_dispute(f, now);
  d.kind = f.kind;
  copy_claim(f, d);
  d.notify = f.notify;
  const bool withdrawal = f.kind == DisputeKind::kWithdrawal;
  const bool via_authority = f.channel == FilingChannel::kAuthority;
  const TaskKind kind = withdrawal      ? TaskKind::kVerifyWithdrawal
                        : via_authority ? TaskKind::kForwardDispute
                                        : TaskKind::kVerifyDispute;
  std::string reason = kind_name(f.kind) + " " + std::to_string(d.id) + " filed with the " + channel_name(f.channel);
  if (withdrawal)
    reason += *f.publication == Publication::kSuspended ? "; publication suspended" : "; the dataset is not published";
  const auto task = open_dispute_task(u, kind, d, via_authority ? "authority" : d.agency_code, std::nullopt, reason);
  DisputeView v;
  v.id = d.id;
  v.kind = kind_name(f.kind);
  copy_claim(d, v);
  v.channel = channel_name(f.channel);
  v.status = status_name(DisputeStatus::kOpen);
  v.filed_at = now;
  v.deadline = task.due_at;
  v.current_step = task.step;
  v.assignee = task.assignee;
  v.history.push_back({now, task.id, task.step, "opened", tasks::role_name(kParty.role), reason});
  // open_dispute_task always flags the disputed values, and says so.
  v.history.push_back({now, task.id, task.step, "flags_set", tasks::role_name(kParty.role), tasks::kFlagsSetReason});
  if (f.publication) {
    v.publication = publication_name(*f.publication);
    v.publication_changed_at = now;
  }
  if (f.publication == Publication::kSuspended) {
    // Art. 44: suspended at once, in the filing's own transaction, before anyone verifies.
    v.history.push_back(move_publication(u, d, task, Publication::kSuspended, kParty,
                                         "a withdrawal request suspends the record's publication at once (Art. 44)"));
  }
  return Filed{d.id, task.id, std::move(v)};
}

Task forward_in(UnitOfWork& u, std::int64_t task_id, const tasks::Actor& actor) {
  const Task task = u.load_task(task_id);
  if (!task.dispute_id) throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " has no dispute to forward");
  const auto d = u.load_dispute(*task.dispute_id);
  tasks::act(u, task, tasks::TaskAction::kForward, actor, "forwarded to " + d.agency_code, [&](Task& a) {
    a.answered_at = u.now();
    a.resolution = "forwarded";
  });
  return open_dispute_task(u, TaskKind::kVerifyDispute, d, d.agency_code, task.id,
                           "forwarded by the authority (task " + std::to_string(task_id) + ")");
}

Task answer_in(UnitOfWork& u, std::int64_t task_id, const std::string& result, const std::string& reason,
               const tasks::Actor& actor) {
  const Task task = u.load_task(task_id);
  if (!task.dispute_id || task.kind == TaskKind::kForwardDispute)
    throw Error(ErrorCode::kConflict, "task " + std::to_string(task_id) + " is a " + tasks::kind_name(task.kind) +
                                          " task: it has no result for a party");
  const auto d = u.load_dispute(*task.dispute_id);
  const Task answered = tasks::act(u, task, tasks::TaskAction::kAnswer, actor, reason, [&](Task& a) {
    a.resolution = result;
    a.resolution_reason = reason;
    a.answered_at = u.now();
  });
  const Task closed = tasks::act(u, answered, tasks::TaskAction::kClose, actor, "result sent to the party");
  // A review's result is final; a verification's may be appealed once.
  const bool review = task.kind == TaskKind::kReview;
  u.record_result(d.id, review ? DisputeStatus::kClosed : DisputeStatus::kResolved, result, reason);
  auto publication = d.publication;
  if (d.publication)
    if (const auto to = publication_after(*d.publication, review, result)) {
      move_publication(u, d, closed, *to, actor, (review ? "the authority's review: " : "the agency's result: ") + result);
      publication = to;
    }
  const auto event_id = u.insert_event(task.id, "party_notified", actor, nullptr, nlohmann::json{{"result", result}}, reason);
  tasks::notify(u, closed, "result", "party", "result:" + std::to_string(task.id), event_id,
                {{"result", result},
                 {"reason", reason},
                 {"claim", claim_payload(d)},
                 {"notify", d.notify},
                 {"publication", publication ? nlohmann::json(publication_name(*publication)) : nlohmann::json()},
                 {"appealable", !review}});
  return closed;
}

Task appeal_in(UnitOfWork& u, std::int64_t dispute_id, const std::string& reason) {
  const auto d = u.load_dispute(dispute_id);
  if (d.status != DisputeStatus::kResolved)
    throw Error(ErrorCode::kConflict, "dispute " + std::to_string(dispute_id) + " is " + status_name(d.status) +
                                          ": only a result can be appealed, and only once");
  u.set_dispute_status(dispute_id, DisputeStatus::kAppealed);
  return open_dispute_task(u, TaskKind::kReview, d, "authority", std::nullopt,
                           "the party appealed the result: " + reason);
}

DocumentInfo attach_in(UnitOfWork& u, std::int64_t dispute_id, const std::string& content, const tasks::Actor& actor) {
  const auto d = u.load_dispute(dispute_id);  // locked: the count below stays true until commit
  if (d.status == DisputeStatus::kClosed)
    throw Error(ErrorCode::kConflict, "dispute " + std::to_string(dispute_id) + " is closed: it takes no more documents");
  if (u.count_documents(dispute_id) >= kMaxDocuments)
    throw Error(ErrorCode::kConflict, "dispute " + std::to_string(dispute_id) + " already carries " +
                                          std::to_string(kMaxDocuments) + " supporting documents, the most it may");
  DocumentInfo info;
  info.dispute_id = dispute_id;
  info.media_type = *detect_media_type(content);
  info.size = static_cast<std::int64_t>(content.size());
  info.sha256 = util::sha256_hex(content);
  info.uploaded_at = u.now();
  info.uploaded_by = actor.name;
  info.id = u.insert_document(info, content);
  return info;
}

}  // namespace

DisputeDesk::DisputeDesk(std::string url, tasks::WorkflowSetup setup, store::GroupCommitter* committer)
    : db_{std::move(url), std::move(setup), committer} {}

Filed DisputeDesk::file(const DisputeRequest& request, Instant now) {
  return file(validate_filing(request, db_.setup.catalogue, now), now);
}

Filed DisputeDesk::file(const Filing& filing, Instant now) {
  return store::in_unit(db_, now, [&](UnitOfWork& u) { return file_in(u, filing); });
}

// The follow-ups are single writes of their own, never batched with filings.
Task DisputeDesk::forward(std::int64_t task_id, const tasks::Actor& actor, Instant now) {
  return store::in_unit({db_.url, db_.setup}, now, [&](UnitOfWork& u) { return forward_in(u, task_id, actor); });
}

Task DisputeDesk::answer(std::int64_t task_id, const std::string& result, const std::string& reason,
                         const tasks::Actor& actor, Instant now) {
  if (result.empty()) throw Error(ErrorCode::kInvalidInput, "a result is required");
  return store::in_unit({db_.url, db_.setup}, now,
                        [&](UnitOfWork& u) { return answer_in(u, task_id, result, reason, actor); });
}

Task DisputeDesk::appeal(std::int64_t dispute_id, const std::string& reason, Instant now) {
  return store::in_unit({db_.url, db_.setup}, now, [&](UnitOfWork& u) { return appeal_in(u, dispute_id, reason); });
}

DocumentInfo DisputeDesk::attach(std::int64_t dispute_id, const std::string& content, const tasks::Actor& actor,
                                 Instant now) {
  switch (check_document(content)) {
    case DocumentCheck::kAccepted: break;
    case DocumentCheck::kTooLarge:
      throw Error({{"", "a supporting document may be at most " + std::to_string(kMaxDocumentBytes) + " bytes", ""}});
    case DocumentCheck::kUnsupportedType:
      throw Error({{"", "a supporting document must be a PDF, JPEG or PNG file (judged by its content)", ""}});
  }
  return store::in_unit({db_.url, db_.setup}, now,
                        [&](UnitOfWork& u) { return attach_in(u, dispute_id, content, actor); });
}

std::string DisputeDesk::status(std::int64_t id) const { return store::DisputeStore(db_.url).status(id); }
DisputeView DisputeDesk::view(std::int64_t id) const { return store::DisputeStore(db_.url).view(id); }
store::Page<DisputeView> DisputeDesk::list(const DisputeFilter& filter, const store::PageQuery& page) const {
  return store::DisputeStore(db_.url).list(filter, page);
}
nlohmann::json DisputeDesk::evidence(std::int64_t id) const { return store::DisputeStore(db_.url).evidence(id); }
std::vector<DocumentInfo> DisputeDesk::documents(std::int64_t id) const {
  return store::DisputeStore(db_.url).documents(id);
}
Document DisputeDesk::document(std::int64_t id, std::int64_t document_id) const {
  return store::DisputeStore(db_.url).document(id, document_id);
}

}  // namespace jiaohe::engine::disputes
