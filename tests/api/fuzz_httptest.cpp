// A bounded, seeded fuzz run over every route /openapi.json lists, on raw sockets. It fails on
// a crash (the server runs in this process), on any 5xx other than 503, on a 4xx that is not a
// problem document, on an answer that carries an identifier the request planted, and on a
// status the document does not list for the operation that answered it (with every answer's
// body checked against its documented schema by tests/openapi/validate.mjs). Planted
// identifiers belong to nobody in the database: no error may repeat one, and no success may
// repeat one planted outside the body (a body's text is the caller's own, stored and shown back).
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/ids/id_generator.hpp"
#include "tests/api/workflow_server.hpp"
#include "tests/support/openapi_check.hpp"

using namespace jiaohe;
using engine::auth::Role;
using nlohmann::json;

namespace {

constexpr std::uint32_t kSeed = 20261202;
constexpr int kRequests = 5000;

struct RawAnswer {
  int status = 0;
  std::string content_type;
  std::string body;
};

RawAnswer parse_answer(const std::string& raw) {
  RawAnswer a;
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || raw.size() < 12) return a;
  a.status = std::stoi(raw.substr(9, 3));
  const auto end = raw.find("\r\n\r\n");
  const std::string head = raw.substr(0, end);
  std::smatch m;
  static const std::regex kType("\r\n[Cc]ontent-[Tt]ype: ([^\r]*)");
  if (std::regex_search(head, m, kType)) a.content_type = m[1];
  if (end != std::string::npos) a.body = raw.substr(end + 4);
  return a;
}

struct Route {
  std::string method, pattern;
};

// Values that have broken parsers before, and some that are merely odd.
const std::vector<std::string> kOddSegments = {"%ff", "%c0%af", "%e4%b8", "%00", "0", "-1", "99999999999999999999",
                                               "1.5", "%20", "..", "%2e%2e", "abc", "1e3", std::string(300, '9'),
                                               "%ef%bc%91", "1;DROP TABLE disputes", "'", "\"", "1%0d%0aX: y"};
const std::vector<std::string> kQueryNames = {"status", "kind",   "dataset", "assignee", "due_before", "overdue",
                                              "limit",  "cursor", "agency",  "scan",     "rule",       "subject",
                                              "from",   "to",     "severity", "x"};

class Fuzzer {
 public:
  Fuzzer(testing::WorkflowServer& s, std::vector<Route> routes)
      : s_(s), routes_(std::move(routes)), rng_(kSeed), ids_(kSeed, std::chrono::year_month_day(
                                                                           std::chrono::year(2026), std::chrono::month(1),
                                                                           std::chrono::day(1))) {
    tokens_ = {"", "garbage", s.token(Role::kCitizen, s.person), s.token(Role::kAgency, "", "civ"),
               s.token(Role::kAuthority), s.token(Role::kAdmin)};
  }

  // A planted identifier: valid, of nobody in the platform (region 1101xx: Beijing, the fixture
  // has only Zhejiang people), remembered for the echo check.
  std::string plant() {
    std::string id = pick(2) ? rules::ids::make_citizen_id("110105", ids_.birth_date(), uniform(0, 999))
                             : ids_.credit_code();
    (in_body_ ? planted_in_body_ : planted_outside_).push_back(id);
    return id;
  }

  std::string request_bytes() {
    planted_outside_.clear();
    planted_in_body_.clear();
    const auto& route = routes_[uniform(0, static_cast<int>(routes_.size()) - 1)];
    std::string method = pick(12) ? std::vector<std::string>{"PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}[uniform(0, 4)]
                                  : route.method;
    std::string target = path(route.pattern);
    // The operation that answers: none when the method or the path is not the route's own.
    operation_ = method == route.method && !extra_segment_ ? std::optional<Route>(route) : std::nullopt;
    if (pick(3)) target += query();
    in_body_ = true;
    std::string body = route.method == "POST" ? this->body() : (pick(10) ? this->body() : "");
    in_body_ = false;
    std::string out = method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    // Mostly real tokens of every role, so that requests get past authentication.
    const auto& token = pick(8) ? tokens_[uniform(0, 1)] : tokens_[uniform(2, static_cast<int>(tokens_.size()) - 1)];
    if (!token.empty()) out += "Authorization: Bearer " + token + "\r\n";
    if (pick(4)) out += "Idempotency-Key: " + header_value() + "\r\n";
    if (pick(8)) out += "X-" + plant() + ": " + header_value() + "\r\n";
    if (!body.empty() || method == "POST") {
      out += "Content-Type: application/json\r\n";
      out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    return out + "\r\n" + body;
  }

  // What the last request planted that its answer must not hold, given the answer's status.
  std::vector<std::string> forbidden_in(int status) const {
    auto out = planted_outside_;
    if (status >= 400) out.insert(out.end(), planted_in_body_.begin(), planted_in_body_.end());
    return out;
  }
  // The route whose operation the last request was, if it was one.
  const std::optional<Route>& operation() const { return operation_; }
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  bool pick(int one_in) { return uniform(1, one_in) == 1; }

 private:
  std::string segment() {
    switch (uniform(0, 5)) {
      case 0:
      case 1:
      case 2: return std::to_string(uniform(1, 5));
      case 3: return plant();
      default: return kOddSegments[uniform(0, static_cast<int>(kOddSegments.size()) - 1)];
    }
  }

  std::string path(const std::string& pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '{') {
        out += segment();
        i = pattern.find('}', i);
      } else {
        out += pattern[i];
      }
    }
    extra_segment_ = pick(15);
    if (extra_segment_) out += "/" + segment();
    return out;
  }

  std::string value() {
    switch (uniform(0, 5)) {
      case 0: return plant();
      case 1: return std::to_string(uniform(-5, 200));
      case 2: return "2026-12-0" + std::to_string(uniform(1, 9)) + "T00:00:00%2B08:00";
      case 3: return std::vector<std::string>{"open", "closed", "true", "false", "verify_dispute", "aid", "civ"}[uniform(0, 6)];
      default: return kOddSegments[uniform(0, static_cast<int>(kOddSegments.size()) - 1)];
    }
  }

  std::string query() {
    std::string q = "?";
    for (int n = uniform(1, 4); n > 0; --n) {
      q += (pick(6) ? plant() : pick(10) ? std::string("%ff") : kQueryNames[uniform(0, static_cast<int>(kQueryNames.size()) - 1)]);
      q += "=" + value() + "&";
    }
    return q;
  }

  std::string header_value() {
    switch (uniform(0, 3)) {
      case 0: return "\xff\xfe";
      case 1: return plant();
      case 2: return std::string(uniform(1, 300), 'k');
      default: return "key-" + std::to_string(uniform(0, 50));
    }
  }

  json scalar() {
    switch (uniform(0, 7)) {
      case 0: return plant();
      case 1: return uniform(-3, 3);
      case 2: return 1e308;
      case 3: return nullptr;
      case 4: return pick(2);
      case 5: return std::string("d\0e", 3);
      case 6: return json::array({plant()});
      default: return "值" + std::to_string(uniform(0, 9));
    }
  }

  std::string body() {
    switch (uniform(0, 14)) {
      case 0: return std::string(uniform(33, 3000), '[') + std::string(uniform(0, 10), ']');
      case 1: return "{\"description\":\"\xff\xfe\"}";
      case 2: return "{\"subject_id\":";
      case 3: return "";
      case 4: return "[" + std::to_string(uniform(0, 9)) + "]";
      default: break;
    }
    // A valid filing mutated: fields replaced by odd values, unknown fields added.
    json b = s_.filing(pick(3) ? s_.person : plant());
    for (int n = uniform(0, 2); n > 0; --n) {
      static const std::vector<std::string> kFields = {"subject_id", "dataset_id", "attribute", "claimed_value",
                                                       "description", "notify", "answer", "reason", "days",
                                                       "approve", "approver_name", "datasets", "incremental",
                                                       "agency_code", "withdrawal"};
      b[kFields[uniform(0, static_cast<int>(kFields.size()) - 1)]] = scalar();
    }
    if (pick(5)) b[plant()] = scalar();
    return b.dump(-1, ' ', false, json::error_handler_t::replace);
  }

  testing::WorkflowServer& s_;
  std::vector<Route> routes_;
  std::mt19937 rng_;
  rules::ids::IdGenerator ids_;
  std::vector<std::string> tokens_;
  bool in_body_ = false;
  bool extra_segment_ = false;
  std::optional<Route> operation_;
  std::vector<std::string> planted_outside_, planted_in_body_;
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<Route> routes_of(const json& openapi) {
  std::vector<Route> out;
  for (const auto& [pattern, item] : openapi["paths"].items())
    for (const auto& [method, op] : item.items()) out.push_back({testing::http_method(method), pattern});
  return out;
}

}  // namespace

TEST_CASE("5,000 seeded malformed requests over every route: no crash, no 500, problems only, no echo, "
          "documented statuses and bodies") {
  testing::WorkflowServer s;
  s.scan_and_open();  // tasks and findings exist, so that id 1, 2, ... reach real rows
  const auto document = testing::http_request(s.port, "GET", "/openapi.json").body;
  const auto openapi = json::parse(document);
  const auto routes = routes_of(openapi);
  REQUIRE(routes.size() >= 20);
  Fuzzer fuzz(s, routes);
  std::map<int, int> by_status;
  std::set<std::string> undocumented;  // "POST /v1/disputes 418"
  json answers = json::array();        // of operations, for the schema check
  for (int i = 0; i < kRequests; ++i) {
    const auto bytes = fuzz.request_bytes();
    const auto answer = parse_answer(testing::raw_exchange(s.port, bytes));
    CAPTURE(i);
    CAPTURE(bytes.substr(0, 400));
    ++by_status[answer.status];
    if (answer.status == 0) continue;  // refused at the HTTP layer (Beast closed the connection)
    CHECK_MESSAGE((answer.status < 500 || answer.status == 503), answer.body);
    if (answer.status >= 400 && !bytes.starts_with("HEAD ")) {
      CHECK(answer.content_type == "application/problem+json");
      const auto problem = json::parse(answer.body, nullptr, false);
      CHECK((problem.is_object() && problem.value("status", 0) == answer.status));
    }
    for (const auto& id : fuzz.forbidden_in(answer.status))
      if (answer.body.find(id) != std::string::npos) FAIL_CHECK("the answer repeats a planted identifier");
    if (const auto& op = fuzz.operation()) {
      const auto& responses = openapi["paths"][op->pattern][lower(op->method)]["responses"];
      if (!responses.contains(std::to_string(answer.status)))
        undocumented.insert(op->method + " " + op->pattern + " " + std::to_string(answer.status));
      answers.push_back({{"method", op->method},
                         {"route", op->pattern},
                         {"status", answer.status},
                         {"content_type", answer.content_type},
                         {"body", answer.body}});
    }
  }
  std::string list;
  for (const auto& u : undocumented) list += u + "\n";
  INFO("answered but not documented:\n" << list);
  CHECK(undocumented.empty());
  CHECK(answers.size() > kRequests / 2);  // most requests are of an operation
  const auto check = testing::check_openapi(document, answers);
  INFO(check.output.substr(0, 4000));
  CHECK(check.exit_code == 0);
  s.scans.wait_idle();
  CHECK(testing::http_request(s.port, "GET", "/healthz").status == 200);
  std::string counts;
  for (const auto& [status, n] : by_status) counts += std::to_string(status) + ":" + std::to_string(n) + " ";
  MESSAGE("answers by status: " << counts);
  CHECK(by_status[0] < kRequests / 10);  // most requests reach the application
}

TEST_CASE("an identifier in every place of a request, on every route and role, is repeated by no error answer") {
  testing::WorkflowServer s;
  s.scan_and_open();
  const auto routes = routes_of(json::parse(testing::http_request(s.port, "GET", "/openapi.json").body));
  const std::vector<std::string> tokens = {"", s.token(Role::kCitizen, s.person), s.token(Role::kAgency, "", "civ"),
                                           s.token(Role::kAuthority), s.token(Role::kAdmin)};
  // Nobody's: a Beijing number the platform does not hold.
  const std::string id = rules::ids::make_citizen_id(
      "110105", std::chrono::year_month_day(std::chrono::year(1961), std::chrono::month(2), std::chrono::day(3)), 27);
  const auto with_id = [&](std::string pattern) {
    for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{'))
      pattern.replace(open, pattern.find('}', open) - open + 1, id);
    return pattern;
  };
  int sent = 0;
  for (const auto& route : routes) {
    const auto path = with_id(route.pattern);
    json body = s.filing(id);
    body[id] = id;
    const std::vector<std::pair<std::string, std::map<std::string, std::string>>> places = {
        {path, {}},
        {path + "/" + id, {}},
        {path + "?" + id + "=1", {}},
        {path + "?status=" + id + "&kind=" + id + "&dataset=" + id + "&agency=" + id + "&cursor=" + id, {}},
        {path, {{"X-Subject", id}, {"Idempotency-Key", id}}},
    };
    for (const auto& token : tokens)
      for (const auto& [target, extra] : places) {
        auto headers = s.headers(token);
        if (token.empty()) headers.erase("Authorization");
        headers.insert(extra.begin(), extra.end());
        const auto r = testing::http_request(s.port, route.method, target, route.method == "POST" ? body.dump() : "",
                                             headers);
        ++sent;
        CAPTURE(route.method + " " + target);
        CHECK((r.status < 500 || r.status == 503));
        if (r.status >= 400) CHECK(r.body.find(id) == std::string::npos);
        // Outside the body nothing is the caller's own text: no answer repeats it.
        if (r.status < 400 && route.method != "POST") CHECK(r.body.find(id) == std::string::npos);
      }
  }
  s.scans.wait_idle();
  CHECK(sent >= 400);
}
