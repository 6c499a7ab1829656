#pragma once
// A dispute's supporting documents (docs/API.md "Supporting documents"):
//   POST /v1/disputes/{id}/documents        the raw bytes of one PDF, JPEG or PNG (at most 2 MiB)
//   GET  /v1/disputes/{id}/documents        what the dispute carries, oldest first
//   GET  /v1/disputes/{id}/documents/{doc}  one document's bytes, as an attachment
// The party uploads (the authority may, on its behalf); whoever may see the dispute (the party,
// the responsible agency, the authority) reads, and every staff read is recorded in access_log.
// The type is the one detected from the content: the declared Content-Type and any name are
// ignored, and documents are served with that type, nosniff and as attachments, never inline.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response upload_document(const Request& request, AppContext& ctx);
Response list_documents(const Request& request, AppContext& ctx);
Response get_document(const Request& request, AppContext& ctx);

// For /openapi.json.
RouteSchema upload_document_schema();
RouteSchema list_documents_schema();
RouteSchema get_document_schema();

}  // namespace jiaohe::api::handlers
