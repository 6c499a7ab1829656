#pragma once
// Plain request/response values, so that handlers and tests never see Beast types.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/auth/caller.hpp"

namespace jiaohe::api {

struct Request {
  std::string method;   // "GET"
  std::string target;   // "/v1/disputes?status=open"
  std::string path;     // "/v1/disputes"
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::map<std::string, std::string> params;   // from the route pattern, e.g. {id}
  std::string route;                           // the route that serves it: "GET /v1/tasks/{id}"
  // Set by the server before a route with roles runs (api/authenticate.cpp); handlers never
  // parse tokens themselves.
  std::optional<engine::auth::Caller> caller;

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

}  // namespace jiaohe::api
