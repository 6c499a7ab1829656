#include "engine/store/dispute_store.hpp"

#include "engine/error.hpp"
#include "engine/store/connection_pool.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

using disputes::DisputeFilter;
using disputes::DisputeView;

constexpr const char* kDisputeStatus = "SELECT status FROM disputes WHERE id = $1";
constexpr const char* kDisputeEvidence = "SELECT evidence::text FROM disputes WHERE id = $1";

// A dispute with the step that is running (if any): what view_of reads, for one or a page.
constexpr const char* kDisputeViewSelect = R"sql(
  SELECT d.id, d.kind, d.subject_id, coalesce(d.dataset_id, ''), coalesce(d.attribute, ''), d.agency_code, d.channel,
         d.status, coalesce(d.result, ''), coalesce(d.result_reason, ''), jiaohe_micros(d.filed_at),
         coalesce(live.step, ''), coalesce(live.assignee, ''), jiaohe_micros(live.due_at),
         coalesce(d.claimed_value, ''), d.description, coalesce(d.publication, ''),
         jiaohe_micros(d.publication_changed_at)
  FROM disputes d LEFT JOIN LATERAL (
    SELECT step, assignee, due_at FROM tasks
    WHERE dispute_id = d.id AND status NOT IN ('closed', 'forwarded') ORDER BY id DESC LIMIT 1) live ON true)sql";
const std::string kDisputeView = std::string(kDisputeViewSelect) + " WHERE d.id = $1";
const std::string kListDisputes = std::string(kDisputeViewSelect) + R"sql(
  WHERE ($1::text IS NULL OR d.subject_id = $1) AND ($2::text IS NULL OR d.agency_code = $2 OR live.assignee = $2)
    AND ($3::text IS NULL OR d.status = $3) AND ($4::text IS NULL OR d.kind = $4)
    AND ($5::bigint = 0 OR d.id < $5) AND ($7::text IS NULL OR d.publication = $7)
    AND ($8::text IS NULL OR d.dataset_id = $8)
  ORDER BY d.id DESC LIMIT $6)sql";
constexpr const char* kDisputeHistory = R"sql(
  SELECT jiaohe_micros(e.at), e.task_id, t.step, e.action, e.actor_role, coalesce(e.reason, '')
  FROM task_events e JOIN tasks t ON t.id = e.task_id
  WHERE t.dispute_id = $1 ORDER BY e.at, e.id)sql";

constexpr const char* kDocumentColumns =
    "id, dispute_id, media_type, size, sha256, jiaohe_micros(uploaded_at), uploaded_by";
const std::string kDocuments =
    std::string("SELECT ") + kDocumentColumns + " FROM dispute_documents WHERE dispute_id = $1 ORDER BY id";
const std::string kDocument = std::string("SELECT ") + kDocumentColumns +
                              ", content FROM dispute_documents WHERE dispute_id = $1 AND id = $2";

disputes::DocumentInfo document_of(const pqxx::row& r) {
  disputes::DocumentInfo d;
  d.id = r[0].as<std::int64_t>();
  d.dispute_id = r[1].as<std::int64_t>();
  d.media_type = r[2].c_str();
  d.size = r[3].as<std::int64_t>();
  d.sha256 = r[4].c_str();
  d.uploaded_at = *instant_of(r[5]);
  d.uploaded_by = r[6].c_str();
  return d;
}

DisputeView view_of(const pqxx::row& r) {
  DisputeView v;
  v.id = r[0].as<std::int64_t>();
  v.kind = r[1].c_str();
  v.subject_id = r[2].c_str();
  v.dataset_id = r[3].c_str();
  v.attribute = r[4].c_str();
  v.agency_code = r[5].c_str();
  v.channel = r[6].c_str();
  v.status = r[7].c_str();
  v.result = r[8].c_str();
  v.result_reason = r[9].c_str();
  v.filed_at = *instant_of(r[10]);
  v.current_step = r[11].c_str();
  v.assignee = r[12].c_str();
  v.deadline = instant_of(r[13]);
  v.claimed_value = r[14].c_str();
  v.description = r[15].c_str();
  v.publication = r[16].c_str();
  v.publication_changed_at = instant_of(r[17]);
  return v;
}

// The dispute's row of a read query, or NotFound: every read of one dispute starts here.
pqxx::row dispute_row(pqxx::transaction_base& tx, const char* sql, std::int64_t dispute_id) {
  const auto rows = tx.exec_params(sql, dispute_id);
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "dispute " + std::to_string(dispute_id) + " does not exist");
  return rows[0];
}

}  // namespace

DisputeStore::DisputeStore(std::string url) : url_(std::move(url)) {}

std::string DisputeStore::status(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    return dispute_row(tx, kDisputeStatus, dispute_id)[0].c_str();
  });
}

DisputeView DisputeStore::view(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::transaction_base& tx) {
    auto v = view_of(dispute_row(tx, kDisputeView.c_str(), dispute_id));
    for (const auto& e : tx.exec_params(kDisputeHistory, dispute_id))
      v.history.push_back({*instant_of(e[0]), e[1].as<std::int64_t>(), e[2].c_str(), e[3].c_str(), e[4].c_str(), e[5].c_str()});
    return v;
  });
}

Page<DisputeView> DisputeStore::list(const DisputeFilter& f, const PageQuery& page) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<DisputeView> rows;
    for (const auto& r : tx.exec_params(kListDisputes, null_if_empty(f.subject_id), null_if_empty(f.agency), null_if_empty(f.status),
                                        null_if_empty(f.kind), page.before_id, page.limit + 1,
                                        null_if_empty(f.publication), null_if_empty(f.dataset_id)))
      rows.push_back(view_of(r));
    return page_of(std::move(rows), page, [](const DisputeView& v) { return v.id; });
  });
}

nlohmann::json DisputeStore::evidence(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    return nlohmann::json::parse(dispute_row(tx, kDisputeEvidence, dispute_id)[0].c_str());
  });
}

std::vector<disputes::DocumentInfo> DisputeStore::documents(std::int64_t dispute_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    std::vector<disputes::DocumentInfo> out;
    for (const auto& r : tx.exec_params(kDocuments, dispute_id)) out.push_back(document_of(r));
    return out;
  });
}

disputes::Document DisputeStore::document(std::int64_t dispute_id, std::int64_t document_id) const {
  return read_only(url_, [&](pqxx::read_transaction& tx) {
    const auto rows = tx.exec_params(kDocument, dispute_id, document_id);
    if (rows.empty())
      throw Error(ErrorCode::kNotFound, "dispute " + std::to_string(dispute_id) + " has no document " +
                                            std::to_string(document_id));
    return disputes::Document{document_of(rows[0]), pqxx::binarystring(rows[0][7]).str()};
  });
}

}  // namespace jiaohe::engine::store
