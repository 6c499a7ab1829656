// The pure rule kinds and the kind registry, without a database: a row is built through the
// one normalisation (ValueCanonicalizer) exactly as the scan builds it.
#include <set>

#include <doctest/doctest.h>

#include "rules/kind_registry.hpp"
#include "rules/kinds/range_bound.hpp"
#include "rules/kinds/staleness.hpp"
#include "rules/normalize/canonical_value.hpp"
#include "rules/rule.hpp"

namespace rules = jiaohe::rules;
namespace kinds = jiaohe::rules::kinds;
namespace norm = jiaohe::rules::normalize;
using namespace std::chrono;

namespace {

const year_month_day kToday = year{2026} / November / 27;

// One dataset's attributes and one row of stored values for them.
struct Row {
  std::vector<kinds::AttributeSlot> slots;
  std::vector<norm::ValueCanonicalizer> columns;
  std::vector<kinds::FieldValue> values;

  Row& column(const std::string& attribute, const std::string& type, const std::string& normalizer,
              std::optional<std::string> stored, std::map<std::string, std::string> map = {}) {
    slots.push_back({attribute, type});
    columns.emplace_back(*norm::find_normalizer(normalizer), norm::NormalizeContext{std::nullopt, true}, map);
    stored_.push_back(std::move(stored));
    return *this;
  }
  std::vector<kinds::RowDefect> check(const rules::RuleDef& rule, const std::vector<kinds::RowDefect>& before = {}) {
    values.resize(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i)
      columns[i].canonicalize(stored_[i] ? std::optional<std::string_view>(*stored_[i]) : std::nullopt, values[i]);
    auto check = rules::kind_of(rule).make_row_check(rule, slots, {kToday});
    std::vector<kinds::RowDefect> out = before;
    if (check) check->check(values, out);
    out.erase(out.begin(), out.begin() + static_cast<long>(before.size()));
    return out;
  }

 private:
  std::vector<std::optional<std::string>> stored_;
};

rules::RuleDef rule(const std::string& kind, std::vector<std::string> attributes, nlohmann::json params = nlohmann::json::object()) {
  rules::RuleDef r;
  r.id = "R";
  r.kind = kind;
  r.attributes = std::move(attributes);
  r.params = std::move(params);
  return r;
}

std::string reason(const std::vector<kinds::RowDefect>& d) {
  return d.size() == 1 ? d[0].evidence.value("reason", "") : "(" + std::to_string(d.size()) + " defects)";
}

}  // namespace

TEST_CASE("the kind registry: unique names, row kinds build checks, set kinds name their implementation") {
  std::set<std::string_view> names;
  for (const auto& k : rules::kind_registry()) {
    CHECK_MESSAGE(names.insert(k.name).second, k.name);
    CHECK(rules::find_kind(k.name) == &k);
    if (k.scope == rules::KindScope::kRow) {
      CHECK_MESSAGE(static_cast<bool>(k.make_row_check), k.name);
      CHECK(k.set_kind == rules::SetKind::kNone);
      CHECK(k.resolution == rules::Resolution::kRecordsRead);
    } else {
      CHECK_MESSAGE(!k.make_row_check, k.name);
      CHECK(k.set_kind != rules::SetKind::kNone);
    }
  }
  CHECK(names.count("range"));
  CHECK(rules::find_kind("rnage") == nullptr);
  CHECK(rules::find_kind("cross_agency_conflict")->resolution == rules::Resolution::kSubjects);
  CHECK_THROWS_AS(rules::kind_of(rule("nope", {})), rules::RulePackError);
}

TEST_CASE("every kind of the registry is reachable from a pack and guards its parameters") {
  const auto pack_error = [](const std::string& kind, nlohmann::json params) -> std::string {
    const nlohmann::json doc = {{"pack", "p"},
                                {"version", "1"},
                                {"rules",
                                 {{{"id", "R"},
                                   {"version", 1},
                                   {"kind", kind},
                                   {"severity", "error"},
                                   {"legal_basis", "Art. 1"},
                                   {"deadline", {{"working_days", 5}}},
                                   {"targets", {{"attributes", {"person.name"}}, {"datasets", {"d"}}}},
                                   {"params", std::move(params)}}}}};
    try {
      const auto pack = rules::parse_rule_pack(doc, "pack.json");
      CHECK(&rules::kind_of(pack.rules.at(0)) == rules::find_kind(kind));
    } catch (const rules::RulePackError& e) {
      return e.what();
    }
    return "";
  };
  for (const auto& k : rules::kind_registry()) {
    const std::string name(k.name);
    CAPTURE(name);
    // An unknown parameter is named, with the nearest allowed one when there is one.
    CHECK(pack_error(name, {{"no_such_param", 1}}).find("/params/no_such_param") != std::string::npos);
    // Each required parameter is asked for by name.
    for (const auto& required : k.required_params)
      CHECK(pack_error(name, nlohmann::json::object()).find("/params/" + required) != std::string::npos);
  }
  CHECK(pack_error("requried", nlohmann::json::object()).find("did you mean \"required\"") != std::string::npos);
}

TEST_CASE("required: a value of only blank characters is missing") {
  for (const char* blank : {"", "  ", "\u3000", "\u00a0", "\u200b\ufeff"}) {
    Row row;
    row.column("person.name", "text", "person_name", blank);
    CHECK_MESSAGE(reason(row.check(rule("required", {"person.name"}))) == "missing", blank);
  }
  Row present;
  present.column("person.name", "text", "person_name", "\u3000张三");
  CHECK(present.check(rule("required", {"person.name"})).empty());
}

TEST_CASE("pattern and value_in_set read the normalised value") {
  Row phone;
  phone.column("person.phone", "phone", "phone", "+86 138-0013-8000");
  CHECK(phone.check(rule("pattern", {"person.phone"}, {{"regex", "1[3-9][0-9]{9}"}})).empty());
  Row bad;
  bad.column("person.phone", "phone", "phone", "12345");
  CHECK(reason(bad.check(rule("pattern", {"person.phone"}, {{"regex", "1[3-9][0-9]{9}"}}))) == "pattern_mismatch");
  Row sex;
  sex.column("person.sex", "code", "code", "ｆ", {{"F", "2"}});
  CHECK(sex.check(rule("value_in_set", {"person.sex"}, {{"values", {"1", "2"}}})).empty());
  Row other;
  other.column("person.sex", "code", "code", "X", {{"F", "2"}});
  CHECK(reason(other.check(rule("value_in_set", {"person.sex"}, {{"values", {"1", "2"}}}))) == "not_in_domain");
}

TEST_CASE("identifier_valid: legacy numbers and a future birth date as the pack says") {
  const auto future_id = "330108202701011318";  // born 2027-01-01
  Row row;
  row.column("person.id_number", "citizen_id", "citizen_id", future_id);
  CHECK(reason(row.check(rule("identifier_valid", {"person.id_number"}))) == "birth_date_future");
  CHECK(row.check(rule("identifier_valid", {"person.id_number"}, {{"future_birth_date_is_defect", false}})).empty());
  Row legacy;
  legacy.column("person.id_number", "citizen_id", "citizen_id", "330106650412123");
  CHECK(reason(legacy.check(rule("identifier_valid", {"person.id_number"}))) == "legacy_form");
  CHECK(legacy.check(rule("identifier_valid", {"person.id_number"}, {{"legacy_15", true}})).empty());
  Row spaced;
  spaced.column("person.id_number", "citizen_id", "citizen_id", "\u00a033010219770707019x\u3000");
  CHECK(spaced.check(rule("identifier_valid", {"person.id_number"})).empty());
}

TEST_CASE("id_consistency leaves a value with a defect of its own alone") {
  const auto make = [](const char* birth, const char* sex) {
    Row row;
    row.column("person.id_number", "citizen_id", "citizen_id", "330106199003070110")  // male, 1990-03-07
        .column("person.birth_date", "date", "date", birth)
        .column("person.sex", "code", "code", sex);
    return row;
  };
  const auto cons = rule("id_consistency", {"person.birth_date", "person.sex"});
  CHECK(make("1990/3/7", "1").check(cons).empty());
  CHECK(make("1990-03-08", "1").check(cons).size() == 1);
  CHECK(make("1990-03-07", "2").check(cons).size() == 1);
  auto wrong = make("2099-01-01", "9");
  const std::vector<kinds::RowDefect> earlier = {{"person.birth_date", {}}, {"person.sex", {}}};
  CHECK(wrong.check(cons, earlier).empty());
}

TEST_CASE("date_sanity: a date parses, is not after the scan day and not before the minimum") {
  const auto check = [](const char* v, nlohmann::json params) {
    Row row;
    row.column("person.birth_date", "date", "date", v);
    return reason(row.check(rule("date_sanity", {"person.birth_date"}, std::move(params))));
  };
  const auto none = nlohmann::json::object();
  CHECK(check("1990年1月2日", none) == "(0 defects)");
  CHECK(check("2026-11-27", none) == "(0 defects)");  // the scan day itself
  CHECK(check("2026-11-28", none) == "in_future");
  CHECK(check("1899-12-31", none) == "before_minimum");  // the default minimum is 1900-01-01
  CHECK(check("1900-01-01", none) == "(0 defects)");
  CHECK(check("1949-09-30", {{"min", "1949-10-01"}}) == "before_minimum");
  CHECK(check("1949-10-01", {{"min", "1949-10-01"}}) == "(0 defects)");
  CHECK(check("1990-02-30", none) == "not_a_date");
  Row missing;
  missing.column("person.birth_date", "date", "date", std::nullopt);
  CHECK(missing.check(rule("date_sanity", {"person.birth_date"})).empty());  // absence is required's
}

TEST_CASE("range: numbers and dates, inclusive or exclusive, relative to the scan day") {
  const auto capital = rule("range", {"org.registered_capital"}, {{"min", 0}, {"min_exclusive", true}});
  const auto check_capital = [&](const char* v) {
    Row row;
    row.column("org.registered_capital", "number", "number", v);
    return reason(row.check(capital));
  };
  CHECK(check_capital("1,000") == "(0 defects)");
  CHECK(check_capital("0") == "below_minimum");
  CHECK(check_capital("-5") == "below_minimum");
  CHECK(check_capital("abc") == "not_a_number");
  const auto age = rule("range", {"person.birth_date"}, {{"min", "-150 years"}, {"max", "today"}});
  const auto check_birth = [&](const char* v) {
    Row row;
    row.column("person.birth_date", "date", "date", v);
    return reason(row.check(age));
  };
  CHECK(check_birth("1990年1月2日") == "(0 defects)");
  CHECK(check_birth("2026-11-27") == "(0 defects)");
  CHECK(check_birth("2026-11-28") == "above_maximum");
  CHECK(check_birth("1876-11-26") == "below_minimum");
  CHECK(check_birth("1876-11-27") == "(0 defects)");
  CHECK(check_birth("1990-02-30") == "not_a_date");
}

TEST_CASE("range bounds: the syntax the pack accepts") {
  std::string error;
  CHECK(kinds::parse_range_bound(5, error)->kind == kinds::RangeBound::Kind::kNumber);
  CHECK(kinds::parse_range_bound("1949-10-01", error)->date == year{1949} / October / 1);
  const auto rel = kinds::parse_range_bound("-1 month", error);
  REQUIRE(rel);
  CHECK(rel->date_on(year{2026} / March / 31) == year{2026} / February / 28);
  CHECK(kinds::parse_range_bound("+0 days", error)->date_on(kToday) == kToday);
  for (const char* bad : {"yesterday", "-1 fortnight", "150 years", "2026-02-30"})
    CHECK_MESSAGE(!kinds::parse_range_bound(bad, error), bad);
  CHECK(!kinds::parse_range_bound(nlohmann::json::array(), error));
  CHECK(error.find("-150 years") != std::string::npos);
}

TEST_CASE("staleness: the promised period plus the tolerance; no known update is stale") {
  auto r = rule("row_staleness", {}, {{"tolerance_days", 30}});
  CHECK(kinds::max_age_days(r, 366) == 396);
  const auto now = sys_days{kToday} + hours(8);
  const auto cutoff = kinds::stale_before(now, 1);
  CHECK(kinds::is_stale(std::nullopt, cutoff));
  CHECK(kinds::is_stale(now - hours(25), cutoff));
  CHECK(!kinds::is_stale(now - hours(23), cutoff));
}
