#include "api/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace jiaohe::api {
namespace {

constexpr std::array<std::string_view, 7> kKnownMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

// A client may send any token as a method; only the standard ones become label values.
std::string method_label(std::string_view method) {
  const bool known = std::find(kKnownMethods.begin(), kKnownMethods.end(), method) != kKnownMethods.end();
  return std::string(known ? method : "other");
}

// Label values escape backslash, double quote and line feed (exposition format 0.0.4).
void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
}

void append_value(std::string& out, double value) {
  if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
    return;
  }
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), ec == std::errc() ? end : buffer.data());
}

std::string bucket_bound(double bound) {
  std::string s;
  append_value(s, bound);
  return s;
}

}  // namespace

void Metrics::record(std::string_view route, std::string_view method, int status, double seconds) {
  const auto bucket = std::lower_bound(kDurationBuckets.begin(), kDurationBuckets.end(), seconds);
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), method_label(method), status}];
  auto& h = durations_[std::string(route)];
  if (bucket != kDurationBuckets.end()) ++h.buckets[static_cast<std::size_t>(bucket - kDurationBuckets.begin())];
  ++h.count;
  h.sum += seconds;
}

void Metrics::write(std::string& out) const {
  std::lock_guard lock(mutex_);
  write_family(out, "jiaohe_http_requests_total", "counter", "HTTP requests answered, by route pattern, method and status.");
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    write_sample(out, "jiaohe_http_requests_total",
                 {{"route", route}, {"method", method}, {"status", std::to_string(status)}}, static_cast<double>(count));
  }
  write_family(out, "jiaohe_http_request_duration_seconds", "histogram",
               "Time from routing a request to having its answer, by route pattern.");
  for (const auto& [route, h] : durations_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      write_sample(out, "jiaohe_http_request_duration_seconds_bucket", {{"route", route}, {"le", bucket_bound(kDurationBuckets[i])}},
                   static_cast<double>(cumulative));
    }
    write_sample(out, "jiaohe_http_request_duration_seconds_bucket", {{"route", route}, {"le", "+Inf"}},
                 static_cast<double>(h.count));
    write_sample(out, "jiaohe_http_request_duration_seconds_sum", {{"route", route}}, h.sum);
    write_sample(out, "jiaohe_http_request_duration_seconds_count", {{"route", route}}, static_cast<double>(h.count));
  }
}

void write_family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void write_sample(std::string& out, std::string_view name, const Labels& labels, double value) {
  out.append(name);
  if (!labels.empty()) {
    out += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) out += ',';
      out.append(labels[i].first).append("=\"");
      append_escaped(out, labels[i].second);
      out += '"';
    }
    out += '}';
  }
  out += ' ';
  append_value(out, value);
  out += '\n';
}

}  // namespace jiaohe::api
