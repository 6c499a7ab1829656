#include "engine/deadlines/deadline_basis.hpp"

#include "engine/calendar/local_time.hpp"
#include "engine/error.hpp"
#include "engine/util/json_file.hpp"

namespace jiaohe::engine::deadlines {

using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw Error(ErrorCode::kInvalidInput, "deadline basis: " + what);
}

Instant instant_field(const json& obj, const std::string& key) {
  const auto& v = util::require_key(obj, key, "deadline basis");
  std::string error;
  auto t = v.is_string() ? calendar::parse_instant(v.get<std::string>(), &error) : std::nullopt;
  if (!t) fail("\"" + key + "\": " + (error.empty() ? "must be an ISO-8601 string" : error));
  return *t;
}

std::int64_t integer_field(const json& obj, const std::string& key, const std::string& where) {
  const auto& v = util::require_key(obj, key, where);
  if (!v.is_number_integer()) fail(where + "." + key + " must be an integer");
  return v.get<std::int64_t>();
}

std::string string_field(const json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (!it->is_string()) fail("\"" + key + "\" must be a string");
  return it->get<std::string>();
}

}  // namespace

json to_json(const DeadlineBasis& b) {
  json doc = {{"receipt", calendar::format_instant(b.receipt)},
              {"limit", {{"amount", b.limit.amount}, {"unit", unit_name(b.limit.unit)}}},
              {"pauses", json::array()},
              {"calendar_version", b.calendar_version},
              {"profile_id", b.profile_id},
              {"profile_version", b.profile_version},
              {"procedure", b.procedure}};
  if (b.extension)
    doc["extension"] = {{"form", form_name(b.extension->form)},
                        {"amount", b.extension->amount},
                        {"maximum", b.extension->maximum}};
  for (const auto& p : b.pauses) {
    json pause = {{"start", calendar::format_instant(p.start)}};
    pause["end"] = p.end ? json(calendar::format_instant(*p.end)) : json(nullptr);
    doc["pauses"].push_back(pause);
  }
  return doc;
}

DeadlineBasis basis_from_json(const json& doc) {
  util::check_keys(doc, {"receipt", "limit", "extension", "pauses", "calendar_version", "profile_id",
                         "profile_version", "procedure"},
                   "deadline basis");
  DeadlineBasis b;
  b.receipt = instant_field(doc, "receipt");
  const auto& limit = util::require_key(doc, "limit", "deadline basis");
  util::check_keys(limit, {"amount", "unit"}, "deadline basis.limit");
  b.limit.amount = integer_field(limit, "amount", "limit");
  const auto unit = parse_unit(string_field(limit, "unit"));
  if (!unit) fail("limit.unit must be one of working_days, natural_days, hours, immediately");
  b.limit.unit = *unit;
  if (auto it = doc.find("extension"); it != doc.end() && !it->is_null()) {
    util::check_keys(*it, {"form", "amount", "maximum"}, "deadline basis.extension");
    const auto form = parse_form(string_field(*it, "form"));
    if (!form) fail("extension.form must be one of to, by, at_most");
    b.extension = Extension{*form, integer_field(*it, "amount", "extension"),
                            it->contains("maximum") ? integer_field(*it, "maximum", "extension") : 0};
  }
  if (auto it = doc.find("pauses"); it != doc.end()) {
    if (!it->is_array()) fail("\"pauses\" must be an array");
    for (const auto& p : *it) {
      util::check_keys(p, {"start", "end"}, "deadline basis.pauses[]");
      Pause pause{instant_field(p, "start"), std::nullopt};
      if (p.contains("end") && !p["end"].is_null()) pause.end = instant_field(p, "end");
      b.pauses.push_back(pause);
    }
  }
  b.calendar_version = string_field(doc, "calendar_version");
  b.profile_id = string_field(doc, "profile_id");
  b.profile_version = string_field(doc, "profile_version");
  b.procedure = string_field(doc, "procedure");
  return b;
}

}  // namespace jiaohe::engine::deadlines
