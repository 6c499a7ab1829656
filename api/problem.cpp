#include "api/problem.hpp"

#include <nlohmann/json.hpp>

#include "engine/error.hpp"
#include "engine/log/log.hpp"

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

Response problem_from_current_exception() {
  try {
    throw;
  } catch (const engine::Error& e) {
    switch (e.code()) {
      case engine::ErrorCode::kInvalidInput: return problem(422, "Invalid input", e.what());
      case engine::ErrorCode::kNotFound: return problem(404, "Not found", e.what());
      case engine::ErrorCode::kConflict: return problem(409, "Conflict", e.what());
      case engine::ErrorCode::kUnavailable: {
        auto r = problem(503, "Service unavailable", e.what());
        r.headers.emplace_back("Retry-After", "1");
        return r;
      }
      case engine::ErrorCode::kInternal: break;
    }
    engine::log::error("http.internal_error", {{"error", e.what()}});
  } catch (const nlohmann::json::exception& e) {
    return problem(400, "Malformed JSON", e.what());
  } catch (const std::exception& e) {
    engine::log::error("http.internal_error", {{"error", e.what()}});
  }
  return problem(500, "Internal error", "the server failed to handle the request; it has been logged");
}

}  // namespace jiaohe::api
