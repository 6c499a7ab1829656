#include "engine/statute/statute_profile.hpp"

#include "engine/error.hpp"
#include "engine/util/json_file.hpp"
#include "rules/text/suggest.hpp"

namespace jiaohe::engine::statute {

using deadlines::TimeLimit;
using deadlines::TimeUnit;
using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw Error(ErrorCode::kInvalidInput, where + ": " + what);
}

std::string string_field(const json& obj, const std::string& key, const std::string& where, bool required = true) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) fail(where, "missing key \"" + key + "\"");
    return "";
  }
  if (!it->is_string() || it->get<std::string>().empty()) fail(where, "\"" + key + "\" must be a non-empty string");
  return it->get<std::string>();
}

std::int64_t positive_field(const json& obj, const std::string& key, const std::string& where) {
  const auto& v = util::require_key(obj, key, where);
  if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) fail(where, "\"" + key + "\" must be a positive integer");
  return v.get<std::int64_t>();
}

std::string one_of(const json& obj, const std::string& key, const std::vector<std::string>& allowed,
                   const std::string& where) {
  const std::string value = string_field(obj, key, where);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  std::string msg = "\"" + key + "\" is \"" + value + "\", expected one of";
  for (const auto& a : allowed) msg += " " + a;
  if (auto near = rules::text::nearest_name(value, allowed)) msg += " (did you mean \"" + *near + "\"?)";
  fail(where, msg);
}

TimeLimit limit_of(const json& obj, const std::string& where, std::int64_t immediately_hours) {
  const auto unit = *deadlines::parse_unit(one_of(obj, "unit", deadlines::unit_names(), where));
  if (unit == TimeUnit::kImmediately) {
    if (obj.contains("amount")) fail(where, "\"immediately\" takes no amount (it is the profile's immediately_hours)");
    return {immediately_hours, unit};
  }
  return {positive_field(obj, "amount", where), unit};
}

Procedure parse_procedure(const std::string& id, const json& p, const std::string& file, std::int64_t immediately_hours) {
  const std::string where = file + ": procedures." + id;
  util::check_keys(p, {"article", "actor", "limit", "extension", "reminder", "on_overdue", "then"}, where);
  Procedure out;
  out.id = id;
  out.article = string_field(p, "article", where);
  out.actor = one_of(p, "actor", {"agency", "authority"}, where);
  const auto& limit = util::require_key(p, "limit", where);
  util::check_keys(limit, {"amount", "unit", "set_by"}, where + ".limit");
  out.limit = limit_of(limit, where + ".limit", immediately_hours);
  out.limit_set_by = one_of(limit, "set_by", {"statute", "profile", "authority"}, where + ".limit");
  if (auto it = p.find("extension"); it != p.end()) {
    const std::string ew = where + ".extension";
    util::check_keys(*it, {"form", "amount", "approver", "article"}, ew);
    ExtensionPolicy e;
    e.form = *deadlines::parse_form(one_of(*it, "form", {"to", "by", "at_most"}, ew));
    e.amount = positive_field(*it, "amount", ew);
    e.approver = string_field(*it, "approver", ew);
    e.article = string_field(*it, "article", ew);
    if (e.form == deadlines::ExtensionForm::kTo && e.amount <= out.limit.amount)
      fail(ew, "an extension to " + std::to_string(e.amount) + " must exceed the limit of " +
                   std::to_string(out.limit.amount));
    if (out.limit.unit == TimeUnit::kImmediately) fail(ew, "an \"immediately\" limit cannot be extended");
    out.extension = e;
  }
  if (auto it = p.find("reminder"); it != p.end()) {
    util::check_keys(*it, {"amount", "unit"}, where + ".reminder");
    out.reminder = limit_of(*it, where + ".reminder", immediately_hours);
    if (out.reminder->unit == TimeUnit::kImmediately) fail(where + ".reminder", "a reminder lead cannot be \"immediately\"");
  }
  out.on_overdue = string_field(p, "on_overdue", where, false);
  out.then = string_field(p, "then", where, false);
  return out;
}

void check_reference(const StatuteProfile& profile, const Procedure& p, const std::string& field,
                     const std::string& target, const std::string& file) {
  if (target.empty() || profile.procedures.count(target)) return;
  std::vector<std::string> names;
  for (const auto& [name, proc] : profile.procedures) names.push_back(name);
  std::string msg = "\"" + field + "\" names unknown procedure \"" + target + "\"";
  if (auto near = rules::text::nearest_name(target, names)) msg += " (did you mean \"" + *near + "\"?)";
  fail(file + ": procedures." + p.id, msg);
}

}  // namespace

const Procedure& StatuteProfile::procedure(const std::string& name) const {
  auto it = procedures.find(name);
  if (it != procedures.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& [n, p] : procedures) names.push_back(n);
  std::string msg = "profile " + id + " has no procedure \"" + name + "\"";
  if (auto near = rules::text::nearest_name(name, names)) msg += " (did you mean \"" + *near + "\"?)";
  throw Error(ErrorCode::kNotFound, msg);
}

StatuteProfile load_statute_profile(const std::filesystem::path& path) {
  const std::string file = path.string();
  const auto doc = util::read_json_file(path);
  util::check_keys(doc, {"id", "version", "title", "in_force", "immediately_hours", "procedures"}, file);
  StatuteProfile profile;
  profile.id = string_field(doc, "id", file);
  profile.version = string_field(doc, "version", file);
  profile.title = string_field(doc, "title", file);
  profile.immediately_hours = positive_field(doc, "immediately_hours", file);
  const auto& procedures = util::require_key(doc, "procedures", file);
  if (!procedures.is_object() || procedures.empty()) fail(file, "\"procedures\" must be a non-empty object");
  for (const auto& [id, p] : procedures.items())
    profile.procedures.emplace(id, parse_procedure(id, p, file, profile.immediately_hours));
  for (const auto& [id, p] : profile.procedures) {
    check_reference(profile, p, "on_overdue", p.on_overdue, file);
    check_reference(profile, p, "then", p.then, file);
  }
  return profile;
}

deadlines::DeadlineBasis basis_for(const StatuteProfile& profile, const Procedure& procedure, Instant receipt,
                                   bool extended, const calendar::WorkingCalendar& calendar) {
  deadlines::DeadlineBasis b;
  b.receipt = receipt;
  b.limit = procedure.limit;
  if (extended) {
    if (!procedure.extension)
      throw Error(ErrorCode::kInvalidInput, "procedure " + procedure.id + " of " + profile.id + " allows no extension");
    const auto& e = *procedure.extension;
    b.extension = deadlines::Extension{e.form, e.amount, e.form == deadlines::ExtensionForm::kAtMost ? e.amount : 0};
  }
  b.calendar_version = calendar.version();
  b.profile_id = profile.id;
  b.profile_version = profile.version;
  b.procedure = procedure.id;
  return b;
}

std::optional<Instant> reminder_at(const Procedure& procedure, const deadlines::Deadline& deadline,
                                   const calendar::WorkingCalendar& calendar) {
  if (!procedure.reminder) return std::nullopt;
  const auto& lead = *procedure.reminder;
  switch (lead.unit) {
    case TimeUnit::kWorkingDays: {
      const auto last_day = calendar::local_day_of(deadline.due - std::chrono::microseconds{1});
      return calendar::start_of_local_day(calendar.nth_working_day_before(last_day, lead.amount) + std::chrono::days{1});
    }
    case TimeUnit::kNaturalDays: return deadline.due - std::chrono::days{lead.amount};
    case TimeUnit::kHours:
    case TimeUnit::kImmediately: return deadline.due - std::chrono::hours{lead.amount};
  }
  return std::nullopt;
}

}  // namespace jiaohe::engine::statute
