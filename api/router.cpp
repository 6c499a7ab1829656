#include "api/router.hpp"

namespace jiaohe::api {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool match_pattern(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
  auto want = split_path(pattern);
  auto got = split_path(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found[w.substr(1, w.size() - 2)] = got[i];
    } else if (w != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!match_pattern(r.pattern, path, params)) continue;
    result.path_known = true;
    result.allowed += (result.allowed.empty() ? "" : ", ") + r.method;
    if (r.method == method && !result.route) {
      result.route = &r;
      result.params = std::move(params);
    }
  }
  return result;
}

}  // namespace jiaohe::api
