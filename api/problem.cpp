#include "api/problem.hpp"

#include <nlohmann/json.hpp>

#include "engine/error.hpp"
#include "engine/log/log.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::api {

Response problem(int status, const std::string& title, const std::string& detail) {
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = nlohmann::json{{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}}.dump();
  return r;
}

Response problem(int status, const std::string& title, const std::string& detail, const nlohmann::json& extensions) {
  Response r = problem(status, title, detail);
  auto body = nlohmann::json::parse(r.body);
  for (const auto& [k, v] : extensions.items()) body[k] = v;
  r.body = body.dump();
  return r;
}

namespace {

// 503 with Retry-After: the client may send the same request again shortly.
Response unavailable(const std::string& detail) {
  auto r = problem(503, "Service unavailable", detail);
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

}  // namespace

Response problem_from_current_exception() {
  try {
    throw;
  } catch (const engine::Error& e) {
    switch (e.code()) {
      case engine::ErrorCode::kInvalidInput: return problem(422, "Invalid input", e.what());
      case engine::ErrorCode::kNotFound: return problem(404, "Not found", e.what());
      case engine::ErrorCode::kConflict: return problem(409, "Conflict", e.what());
      case engine::ErrorCode::kUnavailable: return unavailable(e.what());
      case engine::ErrorCode::kInternal: break;
    }
    engine::log::error("http.internal_error", {{"error", e.what()}});
  } catch (const nlohmann::json::exception& e) {
    return problem(400, "Malformed JSON", e.what());
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
