#include <doctest/doctest.h>

#include <optional>
#include <sstream>

#include "engine/calendar/local_time.hpp"
#include "tests/api/workflow_server.hpp"
#include "tests/support/http_client.hpp"

using namespace jiaohe;
using engine::auth::Role;
using jiaohe::testing::http_request;

namespace {

// The value of one series, e.g. `jiaohe_tasks_open{kind="review"}`, in a text-format scrape.
std::optional<double> sample(const std::string& scrape, const std::string& series) {
  std::istringstream lines(scrape);
  for (std::string line; std::getline(lines, line);)
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 && line[series.size()] == ' ')
      return std::stod(line.substr(series.size() + 1));
  return std::nullopt;
}

struct MetricsServer : testing::WorkflowServer {
  std::string admin = token(Role::kAdmin);

  std::string scrape() {
    auto r = http_request(port, "GET", "/metrics", "", headers(admin));
    REQUIRE(r.status == 200);
    CHECK(r.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8");
    return r.body;
  }
  std::string requests(const std::string& route, const std::string& method, int status) const {
    return "jiaohe_http_requests_total{route=\"" + route + "\",method=\"" + method + "\",status=\"" +
           std::to_string(status) + "\"}";
  }
  double count_sql(const std::string& statement) { return std::stod(sql(statement)); }
};

}  // namespace

TEST_CASE("metrics count requests by route pattern method and status") {
  MetricsServer s;
  const auto citizen = s.token(Role::kCitizen, s.person);
  CHECK(http_request(s.port, "GET", "/healthz").status == 200);
  CHECK(http_request(s.port, "GET", "/healthz").status == 200);
  CHECK(http_request(s.port, "GET", "/v1/disputes/41", "", s.headers(citizen)).status == 404);
  CHECK(http_request(s.port, "GET", "/v1/disputes/42", "", s.headers(citizen)).status == 404);
  CHECK(http_request(s.port, "GET", "/v1/disputes/43").status == 401);
  CHECK(http_request(s.port, "GET", "/nowhere/7").status == 404);
  CHECK(http_request(s.port, "DELETE", "/healthz").status == 405);

  const auto scrape = s.scrape();
  CHECK(sample(scrape, s.requests("/healthz", "GET", 200)) == 2);
  CHECK(sample(scrape, s.requests("/v1/disputes/{id}", "GET", 404)) == 2);
  CHECK(sample(scrape, s.requests("/v1/disputes/{id}", "GET", 401)) == 1);
  CHECK(sample(scrape, s.requests("unmatched", "GET", 404)) == 1);
  CHECK(sample(scrape, s.requests("unmatched", "DELETE", 405)) == 1);
  // Raw paths never become labels.
  CHECK(scrape.find("/v1/disputes/41") == std::string::npos);
  CHECK(scrape.find("/nowhere") == std::string::npos);

  // The histogram counts the same requests, and its buckets are cumulative up to +Inf.
  const std::string healthz = "{route=\"/healthz\"";
  CHECK(sample(scrape, "jiaohe_http_request_duration_seconds_count" + healthz + "}") == 2);
  CHECK(sample(scrape, "jiaohe_http_request_duration_seconds_count{route=\"/v1/disputes/{id}\"}") == 3);
  CHECK(sample(scrape, "jiaohe_http_request_duration_seconds_count{route=\"unmatched\"}") == 2);
  double previous = 0;
  for (auto bound : api::kDurationBuckets) {
    std::ostringstream le;
    le << bound;
    const auto bucket = sample(scrape, "jiaohe_http_request_duration_seconds_bucket" + healthz + ",le=\"" + le.str() + "\"}");
    REQUIRE(bucket);
    CHECK(*bucket >= previous);
    previous = *bucket;
  }
  CHECK(sample(scrape, "jiaohe_http_request_duration_seconds_bucket" + healthz + ",le=\"+Inf\"}") == 2);
  CHECK(sample(scrape, "jiaohe_http_request_duration_seconds_sum" + healthz + "}") >= 0);

  // A scrape is counted like any request, once it has been answered.
  CHECK(sample(s.scrape(), s.requests("/metrics", "GET", 200)) == 1);
}

TEST_CASE("metrics are for admin tokens only") {
  MetricsServer s;
  CHECK(http_request(s.port, "GET", "/metrics").status == 401);
  CHECK(http_request(s.port, "GET", "/metrics", "", s.headers(s.token(Role::kAuthority))).status == 403);
  const auto scrape = s.scrape();
  CHECK(sample(scrape, s.requests("/metrics", "GET", 401)) == 1);
  CHECK(sample(scrape, s.requests("/metrics", "GET", 403)) == 1);
}

TEST_CASE("task and scan gauges match the database at scrape time") {
  MetricsServer s;
  auto before = s.scrape();
  CHECK(sample(before, "jiaohe_tasks_open{kind=\"verify_finding\"}") == 0);
  CHECK(before.find("jiaohe_last_scan_id") == std::string::npos);

  const auto opened = s.scan_and_open();
  REQUIRE(!opened.empty());
  REQUIRE(http_request(s.port, "POST", "/v1/disputes", s.filing(s.person).dump(), s.headers(s.token(Role::kCitizen, s.person)))
              .status == 201);
  const std::string open_tasks = "SELECT count(*) FROM tasks WHERE status NOT IN ('closed', 'forwarded') AND kind = ";

  auto now = s.scrape();
  CHECK(sample(now, "jiaohe_tasks_open{kind=\"verify_finding\"}") == static_cast<double>(opened.size()));
  CHECK(sample(now, "jiaohe_tasks_open{kind=\"verify_dispute\"}") == s.count_sql(open_tasks + "'verify_dispute'"));
  CHECK(sample(now, "jiaohe_tasks_open{kind=\"verify_dispute\"}") == 1);
  CHECK(sample(now, "jiaohe_tasks_open{kind=\"review\"}") == 0);
  CHECK(sample(now, "jiaohe_tasks_overdue{kind=\"verify_finding\"}") == 0);
  CHECK(sample(now, "jiaohe_tasks_overdue{kind=\"verify_dispute\"}") == 0);
  CHECK(sample(now, "jiaohe_last_scan_id") == s.count_sql("SELECT max(id) FROM scans"));
  CHECK(sample(now, "jiaohe_last_scan_status{status=\"succeeded\"}") == 1);
  CHECK(sample(now, "jiaohe_last_scan_status{status=\"failed\"}") == 0);
  CHECK(sample(now, "jiaohe_last_scan_finished_timestamp_seconds") ==
        s.count_sql("SELECT extract(epoch FROM finished_at) FROM scans ORDER BY id DESC LIMIT 1"));

  // Ninety days on, every deadline has passed: what is open and unanswered is overdue.
  s.clock.advance(std::chrono::hours(24 * 90));
  const auto overdue_tasks = "SELECT count(*) FROM tasks WHERE status NOT IN ('closed', 'forwarded', 'answered') AND due_at <= '" +
                             engine::calendar::format_instant(s.clock.now()) + "' AND kind = ";
  auto later = s.scrape();
  CHECK(sample(later, "jiaohe_tasks_overdue{kind=\"verify_finding\"}") == s.count_sql(overdue_tasks + "'verify_finding'"));
  CHECK(sample(later, "jiaohe_tasks_overdue{kind=\"verify_finding\"}") == static_cast<double>(opened.size()));
  CHECK(sample(later, "jiaohe_tasks_overdue{kind=\"verify_dispute\"}") == 1);
}

namespace {

// Moves the clock while the scan merges its findings: the scan takes that long, by the clock.
struct SlowMerge : engine::scan::ScanObserver {
  engine::ManualClock& clock;
  explicit SlowMerge(engine::ManualClock& c) : clock(c) {}
  void phase(const std::string& what) override {
    if (what == engine::scan::kPhaseMerge) clock.advance(std::chrono::minutes(7));
  }
};

}  // namespace

TEST_CASE("a scan's finished_at is when it ended, not when it started, in its read and in the metrics") {
  MetricsServer s;
  SlowMerge slow(s.clock);
  const auto started = s.clock.now();
  engine::scan::ScanRequest request;
  request.now = started;
  const auto outcome = engine::scan::ScanAndOpenTasks(s.db.url(), s.catalogue, s.pack, s.setup).run(request, slow, s.clock);
  const auto scan = s.ok(s.get(s.token(Role::kAuthority), "/v1/scans/" + std::to_string(outcome.summary.scan_id)));
  CHECK(scan["started_at"] == "2026-11-27T08:00:00+08:00");
  CHECK(scan["finished_at"] == "2026-11-27T08:07:00+08:00");
  const auto seven_minutes_on = std::chrono::duration_cast<std::chrono::seconds>(
      (started + std::chrono::minutes(7)).time_since_epoch()).count();
  CHECK(sample(s.scrape(), "jiaohe_last_scan_finished_timestamp_seconds") == static_cast<double>(seven_minutes_on));
}
