// The dispute rows of the workflow's unit of work (TaskTx's disputes::DisputeWrites part).
#include "engine/error.hpp"
#include "engine/store/named_statement.hpp"
#include "engine/store/pg_values.hpp"
#include "engine/store/task_tx.hpp"

namespace jiaohe::engine::store {
namespace {

// The dispute with its evidence: the subject's values in every dataset of the filing's evidence
// attributes ($13; empty: every attribute), snapshotted in the same statement. Naming the
// attributes lets the index on (attribute, subject_id) find them, one probe per attribute.
const NamedStatement kInsertDispute("jiaohe_insert_dispute", R"sql(
  INSERT INTO disputes (kind, subject_id, dataset_id, attribute, agency_code, claimed_value, description, notify,
                        channel, publication_suspended, publication, publication_changed_at, evidence, status,
                        filed_at)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $12, CASE WHEN $12::text IS NOT NULL THEN $11::timestamptz END,
         coalesce(jsonb_agg(jsonb_build_object('dataset', dataset_id, 'record', record_key, 'attribute', attribute,
                                               'value', value) ORDER BY dataset_id, record_key, attribute), '[]'),
         'open', $11::timestamptz
  FROM canonical_values WHERE subject_id = $2 AND (cardinality($13::text[]) = 0 OR attribute = ANY($13::text[]))
  RETURNING id)sql");
constexpr const char* kDisputeOf = R"sql(
  SELECT kind, subject_id, coalesce(dataset_id, ''), coalesce(attribute, ''), agency_code, notify::text, status,
         coalesce(claimed_value, ''), description, coalesce(publication, '')
  FROM disputes WHERE id = $1 FOR UPDATE)sql";
constexpr const char* kResolveDispute =
    "UPDATE disputes SET status = $2, result = $3, result_reason = nullif($4, '') WHERE id = $1";
constexpr const char* kSetPublication =
    "UPDATE disputes SET publication = $2, publication_changed_at = $3::timestamptz WHERE id = $1";
constexpr const char* kSetDisputeStatus = "UPDATE disputes SET status = $2 WHERE id = $1";
constexpr const char* kCountDocuments = "SELECT count(*) FROM dispute_documents WHERE dispute_id = $1";
constexpr const char* kInsertDocument = R"sql(
  INSERT INTO dispute_documents (dispute_id, media_type, size, sha256, content, uploaded_at, uploaded_by)
  VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7) RETURNING id)sql";

}  // namespace

std::int64_t TaskTx::insert_dispute(const disputes::Filing& f, Instant filed_at) {
  std::optional<bool> suspended;
  std::optional<std::string> publication;
  if (f.publication) {
    suspended = *f.publication == disputes::Publication::kSuspended;
    publication = disputes::publication_name(*f.publication);
  }
  return exec_prepared_sql(tx_, kInsertDispute, disputes::kind_name(f.kind), f.subject_id, null_if_empty(f.dataset_id),
                           null_if_empty(f.attribute), f.agency_code, null_if_empty(f.claimed_value), f.description,
                           f.notify.dump(), disputes::channel_name(f.channel), suspended,
                           to_pg_timestamp(filed_at), publication, pg_array_literal(f.evidence_attributes))[0][0]
      .as<std::int64_t>();
}

disputes::DisputeRecord TaskTx::load_dispute(std::int64_t id) {
  const auto rows = tx_.exec_params(kDisputeOf, id);
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "dispute " + std::to_string(id) + " does not exist");
  const auto& r = rows[0];
  disputes::DisputeRecord d;
  d.id = id;
  const auto kind = disputes::parse_kind(r[0].c_str());
  const auto status = disputes::parse_status(r[6].c_str());
  if (!kind || !status) throw Error(ErrorCode::kInternal, "dispute " + std::to_string(id) + " has an unknown kind or status");
  d.kind = *kind;
  d.status = *status;
  d.subject_id = r[1].c_str();
  d.dataset_id = r[2].c_str();
  d.attribute = r[3].c_str();
  d.agency_code = r[4].c_str();
  d.notify = nlohmann::json::parse(r[5].c_str());
  d.claimed_value = r[7].c_str();
  d.description = r[8].c_str();
  if (!r[9].is_null() && *r[9].c_str()) {
    d.publication = disputes::parse_publication(r[9].c_str());
    if (!d.publication) throw Error(ErrorCode::kInternal, "dispute " + std::to_string(id) + " has an unknown publication");
  }
  return d;
}

void TaskTx::set_dispute_status(std::int64_t id, disputes::DisputeStatus status) {
  tx_.exec_params(kSetDisputeStatus, id, disputes::status_name(status));
}

void TaskTx::record_result(std::int64_t id, disputes::DisputeStatus status, const std::string& result,
                           const std::string& reason) {
  tx_.exec_params(kResolveDispute, id, disputes::status_name(status), result, reason);
}

void TaskTx::set_publication(std::int64_t id, disputes::Publication publication, Instant at) {
  tx_.exec_params(kSetPublication, id, disputes::publication_name(publication), to_pg_timestamp(at));
}

int TaskTx::count_documents(std::int64_t dispute_id) {
  return tx_.exec_params(kCountDocuments, dispute_id)[0][0].as<int>();
}

std::int64_t TaskTx::insert_document(const disputes::DocumentInfo& info, const std::string& content) {
  // bytea travels as a binary parameter: no escaping, no size blow-up.
  const pqxx::binarystring bytes(content);
  return tx_.exec_params(kInsertDocument, info.dispute_id, info.media_type, info.size, info.sha256, bytes,
                         to_pg_timestamp(info.uploaded_at), info.uploaded_by)[0][0]
      .as<std::int64_t>();
}

}  // namespace jiaohe::engine::store
