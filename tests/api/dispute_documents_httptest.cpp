// Supporting documents of a dispute over real sockets (issue 13 item 1): uploaded by the party,
// typed by their content, at most 2 MiB and 5 per dispute, served only to those who may see the
// dispute, as attachments, every staff read recorded.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/disputes/supporting_document.hpp"
#include "engine/util/sha256.hpp"
#include "tests/api/workflow_server.hpp"

using namespace jiaohe;
using engine::auth::Role;
using jiaohe::testing::http_request;
using nlohmann::json;

namespace {

const std::string kPdf = std::string("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR", 8);

struct DocumentServer : testing::WorkflowServer {
  std::string citizen = token(Role::kCitizen, person);
  std::int64_t dispute_id = ok(post(citizen, "/v1/disputes", filing(person)))["id"].get<std::int64_t>();
  std::string documents = "/v1/disputes/" + std::to_string(dispute_id) + "/documents";

  testing::HttpResult upload(const std::string& bytes, const std::string& declared = "application/pdf",
                             const std::string& who = "", const std::string& key = "") {
    std::map<std::string, std::string> h = {{"Authorization", "Bearer " + (who.empty() ? citizen : who)},
                                            {"Content-Type", declared}};
    if (!key.empty()) h["Idempotency-Key"] = key;
    return http_request(port, "POST", documents, bytes, h);
  }
  std::string count() { return sql("SELECT count(*) FROM dispute_documents"); }
};

}  // namespace

TEST_CASE("the party uploads a document typed by its content and those who see the dispute read it") {
  DocumentServer s;
  // Declared as a PNG, it is a PDF: the content decides.
  const auto r = s.upload(kPdf, "image/png");
  REQUIRE(r.status == 201);
  const auto doc = json::parse(r.body);
  CHECK(doc["media_type"] == "application/pdf");
  CHECK(doc["size"] == kPdf.size());
  CHECK(doc["sha256"] == engine::util::sha256_hex(kPdf));
  CHECK(doc["dispute_id"] == s.dispute_id);
  const auto path = s.documents + "/" + std::to_string(doc["id"].get<std::int64_t>());
  CHECK(r.headers.at("location") == path);

  const auto list = s.ok(s.get(s.citizen, s.documents));
  REQUIRE(list["items"].size() == 1);
  CHECK(list["items"][0]["sha256"] == doc["sha256"]);

  // The responsible agency reads the bytes as an attachment, never sniffed; the read is logged.
  const auto civ = s.token(Role::kAgency, "", "civ");
  const auto before = std::stoi(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_document'"));
  const auto bytes = s.get(civ, path);
  REQUIRE(bytes.status == 200);
  CHECK(bytes.body == kPdf);
  CHECK(bytes.headers.at("content-type") == "application/pdf");
  CHECK(bytes.headers.at("x-content-type-options") == "nosniff");
  CHECK(bytes.headers.at("content-disposition").rfind("attachment;", 0) == 0);
  CHECK(std::stoi(s.sql("SELECT count(*) FROM access_log WHERE action = 'read_document'")) == before + 1);
  CHECK(s.sql("SELECT route FROM access_log WHERE action = 'read_document'") ==
        "GET /v1/disputes/{id}/documents/{doc}");
  CHECK(s.get(civ, s.documents).status == 200);
  CHECK(s.sql("SELECT count(*) FROM access_log WHERE action = 'list_documents'") == "1");
  CHECK(s.get(s.token(Role::kAuthority), path).status == 200);

  // Neither another agency nor another citizen sees it, nor may an agency upload.
  CHECK(s.get(s.token(Role::kAgency, "", "pol"), path).status == 404);
  CHECK(s.get(s.token(Role::kCitizen, s.other), s.documents).status == 404);
  CHECK(s.upload(kPng, "image/png", s.token(Role::kCitizen, s.other)).status == 404);
  CHECK(s.upload(kPng, "image/png", civ).status == 403);
  CHECK(s.get(s.citizen, s.documents + "/999999").status == 404);
  CHECK(s.count() == "1");
}

TEST_CASE("a document that is not a PDF JPEG or PNG is answered 415 and one over 2 MiB 413, nothing stored") {
  DocumentServer s;
  const auto text = s.upload("just some text, declared as a PDF", "application/pdf");
  CHECK(text.status == 415);
  CHECK(text.headers.at("content-type") == "application/problem+json");
  CHECK(s.upload("", "application/pdf").status == 415);
  // A PNG's signature without its first byte is no PNG.
  CHECK(s.upload(kPng.substr(1), "image/png").status == 415);
  const auto over = s.upload(kPng + std::string(engine::disputes::kMaxDocumentBytes - kPng.size() + 1, 'x'), "image/png");
  CHECK(over.status == 413);
  CHECK(s.count() == "0");
  // Exactly 2 MiB is taken: the limit is this route's, above the server's default.
  const auto full = s.upload(kPng + std::string(engine::disputes::kMaxDocumentBytes - kPng.size(), 'x'), "image/png");
  CHECK(full.status == 201);
  CHECK(json::parse(full.body)["media_type"] == "image/png");
  CHECK(s.sql("SELECT octet_length(content) FROM dispute_documents") == std::to_string(engine::disputes::kMaxDocumentBytes));
  // Other routes keep the server's default limit.
  CHECK(s.post_raw(s.citizen, "/v1/disputes", std::string(128 * 1024, ' ')).status == 413);
}

TEST_CASE("a sixth document is answered 409 and an upload retried with its key is stored once") {
  DocumentServer s;
  const auto first = s.upload("\xFF\xD8\xFF\xE0 a jpeg", "image/jpeg", "", "doc-1");
  REQUIRE(first.status == 201);
  const auto again = s.upload("\xFF\xD8\xFF\xE0 a jpeg", "image/jpeg", "", "doc-1");
  CHECK(again.status == 201);
  CHECK(again.headers.at("idempotent-replayed") == "true");
  CHECK(again.body == first.body);
  CHECK(s.count() == "1");
  for (int i = 2; i <= engine::disputes::kMaxDocuments; ++i) CHECK(s.upload(kPdf + std::to_string(i)).status == 201);
  const auto sixth = s.upload(kPdf + "6");
  CHECK(sixth.status == 409);
  CHECK(json::parse(sixth.body)["detail"].get<std::string>().find("5 supporting documents") != std::string::npos);
  CHECK(s.count() == "5");
  // The authority uploads on the party's behalf, under the same limit.
  CHECK(s.upload(kPdf, "application/pdf", s.token(Role::kAuthority)).status == 409);
}
