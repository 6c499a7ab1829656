#pragma once
// The server's own counters, written in the Prometheus text exposition format 0.0.4 by
// GET /metrics. The server records every answer it computes in one place
// (Server::Impl::handle); requests refused before routing (413, 431, busy 503) are not counted.
// Labels are bounded: the route pattern (never the raw path, so ids cannot multiply series),
// "unmatched" for paths no route knows, and a known HTTP method or "other".
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace jiaohe::api {

// Upper bounds (seconds) of the request duration histogram's buckets; +Inf is implicit.
inline constexpr std::array<double, 11> kDurationBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                            0.5,   1.0,  2.5,   5.0,  10.0};
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

class Metrics {
 public:
  // One answered request. Thread-safe.
  void record(std::string_view route, std::string_view method, int status, double seconds);

  // Appends jiaohe_http_requests_total and jiaohe_http_request_duration_seconds.
  void write(std::string& out) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kDurationBuckets.size()> buckets{};  // non-cumulative counts
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> durations_;
};

// Writing the text format: one metric family header, then its samples.
using Labels = std::vector<std::pair<std::string, std::string>>;
void write_family(std::string& out, std::string_view name, std::string_view type, std::string_view help);
void write_sample(std::string& out, std::string_view name, const Labels& labels, double value);

}  // namespace jiaohe::api
