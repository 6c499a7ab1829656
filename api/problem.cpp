#include "api/problem.hpp"

#include <nlohmann/json.hpp>

#include "api/json_body.hpp"
#include "engine/error.hpp"
#include "engine/log/log.hpp"
#include "engine/log/mask.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::api {

namespace {

// Every string of a problem document, masked: whatever a text quotes (a path, a field name, a
// value), no identifier leaves in an error. The texts themselves name fields and positions;
// this is the net under them.
void mask_strings(nlohmann::json& value) {
  if (value.is_string()) {
    value = engine::log::mask_identifiers(value.get_ref<const std::string&>());
  } else if (value.is_structured()) {
    for (auto& member : value) mask_strings(member);
  }
}

}  // namespace

Response problem(int status, const std::string& title, const std::string& detail) {
  return problem(status, title, detail, nlohmann::json::object());
}

Response problem(int status, const std::string& title, const std::string& detail, const nlohmann::json& extensions) {
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  nlohmann::json body{{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  for (const auto& [k, v] : extensions.items()) body[k] = v;
  mask_strings(body);
  // An error text must never be the next error: bytes that are not UTF-8 (which no text here
  // should carry) become U+FFFD instead of throwing.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

// 503 with Retry-After: the client may send the same request again shortly.
static Response unavailable(const std::string& detail) {
  auto r = problem(503, "Service unavailable", detail);
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

Response problem_from_current_exception() {
  try {
    throw;
  } catch (const engine::Error& e) {
    switch (e.code()) {
      case engine::ErrorCode::kInvalidInput:
        if (!e.fields().empty()) return invalid(e.fields());
        return problem(422, "Invalid input", e.what());
      case engine::ErrorCode::kNotFound: return problem(404, "Not found", e.what());
      case engine::ErrorCode::kConflict: return problem(409, "Conflict", e.what());
      case engine::ErrorCode::kUnavailable: return unavailable(e.what());
      case engine::ErrorCode::kInternal: break;
    }
    engine::log::error("http.internal_error", {{"error", e.what()}});
  } catch (const nlohmann::json::exception& e) {
    // nlohmann's texts quote the input ("last read: ..."), which may be an identifier.
    engine::log::warn("http.json_error", {{"error", e.what()}});
    return problem(400, "Malformed JSON", "the request could not be read as the expected JSON");
  } catch (const std::exception& e) {
    if (engine::store::is_database_unavailable(e)) {
      engine::log::warn("http.database_unavailable", {{"error", e.what()}});
      return unavailable("the database is not reachable; retry shortly");
    }
    engine::log::error("http.internal_error", {{"error", e.what()}});
  }
  return problem(500, "Internal error", "the server failed to handle the request; it has been logged");
}

}  // namespace jiaohe::api
