#pragma once
// Typed list filters from the query string. Each getter returns nullopt when the parameter is
// absent or bad; the first bad one is kept as the 400 that names it, which the handler returns
// after reading them all:
//   QueryReader q(request);
//   auto overdue = q.boolean("overdue");
//   if (auto refusal = q.refusal()) return *refusal;
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/clock.hpp"

namespace jiaohe::api {

class QueryReader {
 public:
  explicit QueryReader(const Request& request) : request_(request) {}

  // Any non-empty text.
  std::optional<std::string> text(const std::string& name);
  // One of `names` (the detail of a refusal lists them).
  std::optional<std::string> choice(const std::string& name, const std::vector<std::string>& names);
  // "true" or "false".
  std::optional<bool> boolean(const std::string& name);
  // An ISO-8601 date (its 00:00) or date-time read in Asia/Shanghai unless it carries "Z" or an
  // offset. A '+' that was not percent-encoded arrives as a space and is read as '+'.
  std::optional<engine::Instant> local_instant(const std::string& name);
  // A calendar date YYYY-MM-DD (in Asia/Shanghai), for periods whose days are all included.
  std::optional<engine::calendar::LocalDay> local_date(const std::string& name);
  // A positive whole number (an id).
  std::optional<std::int64_t> id(const std::string& name);

  // The 400 for the first bad parameter read, if any.
  const std::optional<Response>& refusal() const { return refusal_; }

 private:
  const std::string* raw(const std::string& name) const;
  void refuse(const std::string& name, const std::string& detail);

  const Request& request_;
  std::optional<Response> refusal_;
};

}  // namespace jiaohe::api
