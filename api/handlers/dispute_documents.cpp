#include "api/handlers/dispute_documents.hpp"

#include <nlohmann/json.hpp>

#include "api/handlers/task_access.hpp"
#include "api/problem.hpp"
#include "api/response_schema.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/disputes/supporting_document.hpp"
#include "engine/store/access_log.hpp"
#include "engine/store/dispute_store.hpp"

namespace jiaohe::api::handlers {
namespace {

using engine::disputes::DocumentInfo;
using nlohmann::json;

json document_json(const DocumentInfo& d) {
  return {{"id", d.id},
          {"dispute_id", d.dispute_id},
          {"media_type", d.media_type},
          {"size", d.size},
          {"sha256", d.sha256},
          {"uploaded_at", engine::calendar::format_instant(d.uploaded_at)},
          {"uploaded_by", d.uploaded_by}};
}

json document_schema() {
  using namespace schema;
  return component("Document",
                   shape({{"id", integer()},
                          {"dispute_id", integer()},
                          {"media_type", {{"enum", {"application/pdf", "image/jpeg", "image/png"}}}},
                          {"size", {{"type", "integer"}, {"minimum", 1}, {"maximum", engine::disputes::kMaxDocumentBytes}}},
                          {"sha256", {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}}},
                          {"uploaded_at", instant()},
                          {"uploaded_by", text()}}));
}

std::string path_of(const engine::disputes::DisputeView& d) {
  return "/v1/disputes/" + std::to_string(d.id) + "/documents";
}

}  // namespace

// POST /v1/disputes/{id}/documents: 201 with the document once it is committed.
Response upload_document(const Request& request, AppContext& ctx) {
  auto visible = visible_dispute(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& dispute = std::get<engine::disputes::DisputeView>(visible);
  // The server already refused bodies over the route's limit; this is the domain's own check.
  switch (engine::disputes::check_document(request.body)) {
    case engine::disputes::DocumentCheck::kAccepted: break;
    case engine::disputes::DocumentCheck::kTooLarge:
      return problem(413, "Payload too large",
                     "a supporting document may be at most " + std::to_string(engine::disputes::kMaxDocumentBytes) +
                         " bytes");
    case engine::disputes::DocumentCheck::kUnsupportedType:
      return problem(415, "Unsupported media type",
                     "a supporting document must be a PDF, JPEG or PNG file; its type is judged by its first bytes, "
                     "not by the Content-Type header");
  }
  const auto info = engine::disputes::DisputeDesk(ctx.database_url, ctx.workflow)
                        .attach(dispute.id, request.body, actor_of(*request.caller), ctx.clock->now());
  Response r;
  r.status = 201;
  r.headers.emplace_back("Location", path_of(dispute) + "/" + std::to_string(info.id));
  r.body = document_json(info).dump();
  return r;
}

// GET /v1/disputes/{id}/documents
Response list_documents(const Request& request, AppContext& ctx) {
  auto visible = visible_dispute(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& dispute = std::get<engine::disputes::DisputeView>(visible);
  const auto documents = engine::store::DisputeStore(ctx.database_url).documents(dispute.id);
  engine::store::record_access(ctx.database_url, *request.caller,
                               {"list_documents", request.path, dispute.subject_id, request.route}, ctx.clock->now());
  json items = json::array();
  for (const auto& d : documents) items.push_back(document_json(d));
  Response r;
  r.body = json{{"items", std::move(items)}}.dump();
  return r;
}

// GET /v1/disputes/{id}/documents/{doc}: the bytes, with the detected type, as an attachment.
Response get_document(const Request& request, AppContext& ctx) {
  auto visible = visible_dispute(request, ctx);
  if (auto* refusal = std::get_if<Response>(&visible)) return std::move(*refusal);
  const auto& dispute = std::get<engine::disputes::DisputeView>(visible);
  const auto document_id = id_param(request, "doc");
  if (!document_id) return problem(404, "Not found", "no such document of this dispute");
  const auto document = engine::store::DisputeStore(ctx.database_url).document(dispute.id, *document_id);
  engine::store::record_access(ctx.database_url, *request.caller,
                               {"read_document", request.path, dispute.subject_id, request.route}, ctx.clock->now());
  const auto& info = document.info;
  const std::string extension = info.media_type == "application/pdf" ? "pdf" : info.media_type == "image/png" ? "png" : "jpg";
  Response r;
  r.content_type = info.media_type;
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"dispute-" + std::to_string(dispute.id) +
                                                    "-document-" + std::to_string(info.id) + "." + extension + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("ETag", "\"" + info.sha256 + "\"");
  r.body = document.content;
  return r;
}

RouteSchema upload_document_schema() {
  RouteSchema s{json::object(), schema::closed(document_schema()), 201};
  s.request_types = {"application/pdf", "image/jpeg", "image/png"};
  s.problems = {404, 413, 415};
  return s;
}

RouteSchema list_documents_schema() {
  RouteSchema s{nullptr, schema::record({{"items", {{"type", "array"}, {"items", schema::closed(document_schema())}}}}),
                200};
  s.problems = {404};
  return s;
}

RouteSchema get_document_schema() {
  RouteSchema s{nullptr, json::object(), 200};
  s.response_types = {"application/pdf", "image/jpeg", "image/png"};
  s.problems = {404};
  return s;
}

}  // namespace jiaohe::api::handlers
