#include "engine/demo/province_generator.hpp"

#include <algorithm>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <tuple>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "rules/ids/citizen_id.hpp"
#include "rules/ids/citizen_id_facts.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/normalize/date.hpp"
#include "rules/normalize/normalizer_registry.hpp"
#include "rules/normalize/phone.hpp"
#include "rules/normalize/unicode_text.hpp"
#include "tests/engine/demo/memory_province.hpp"
#include "tests/support/demo_rules.hpp"
#include "tests/support/test_database.hpp"

using namespace jiaohe::engine::demo;
using jiaohe::testing::MemoryProvince;
namespace ids = jiaohe::rules::ids;
namespace norm = jiaohe::rules::normalize;

namespace {

using Place = std::tuple<std::string, std::string, std::string>;  // dataset, record, attribute

const jiaohe::engine::Instant kAsOf = *jiaohe::engine::calendar::parse_instant(
    "2026-03-01T08:00", nullptr, jiaohe::engine::calendar::InstantForm::kTyped);
const std::chrono::year_month_day kToday = jiaohe::engine::calendar::local_date_of(kAsOf);

const jiaohe::rules::RulePack& baseline_pack() {
  static const auto catalogue =
      jiaohe::engine::catalog::load_catalogue(jiaohe::testing::source_dir() + "/data/demo/catalogue.json");
  static const auto pack =
      jiaohe::engine::catalog::load_rule_pack(jiaohe::testing::source_dir() + "/data/packs/baseline.json", catalogue);
  return pack;
}

// The options the baseline pack sets: 15-digit numbers allowed, a future birth date in a number
// left to date_sanity.
constexpr ids::CitizenIdOptions kIdOptions{std::chrono::year::max() / std::chrono::December / 31, true};

// The normalised ID number of a row, or "" when it does not validate.
std::string subject_of(const Row& row) {
  if (!row[1]) return "";
  const auto v = ids::validate_citizen_id(*row[1], kIdOptions);
  if (v.ok()) return std::string(v.value());
  const auto c = ids::validate_credit_code(*row[1]);
  return c.ok() ? std::string(c.value()) : "";
}

MemoryProvince generate(std::int64_t subjects, double rate, std::uint64_t seed, ProvinceSummary* summary = nullptr) {
  MemoryProvince province;
  const auto s = generate_province({subjects, rate, seed, kAsOf}, baseline_pack(), province);
  if (summary) *summary = s;
  return province;
}

std::set<Place> truth_of(const MemoryProvince& p, const std::string& rule) {
  std::set<Place> out;
  for (const auto& f : p.findings)
    if (f.rule_id == rule) out.insert({f.dataset_id, f.record_key, f.attribute});
  return out;
}

// A sex code as the catalogue maps it: 男/女 in mzt_dibao, M/F in rst_insured.
std::string sex_code(ProvinceTable table, const std::string& raw) {
  std::string code = norm::normalize("code", raw).value;
  if (table == ProvinceTable::kMztDibao) code = code == "男" ? "1" : code == "女" ? "2" : code;
  if (table == ProvinceTable::kRstInsured) code = code == "M" ? "1" : code == "F" ? "2" : code;
  return code;
}

bool is_person(ProvinceTable t) {
  return t == ProvinceTable::kGajHukou || t == ProvinceTable::kMztDibao || t == ProvinceTable::kRstInsured;
}

// Independent evaluation of the row-pass rules over the generated rows (docs/CATALOGUE.md).
std::set<Place> evaluate(const MemoryProvince& p, const std::string& rule) {
  static const std::regex kMobile("1[3-9][0-9]{9}");
  std::set<Place> out;
  for (const auto table : kProvinceTables) {
    const std::string dataset(table_shape(table).dataset_id);
    const bool person = is_person(table);
    for (const auto& row : p.of(table)) {
      const std::string& key = *row[0];
      if (rule == "BL-REQ-001" && (!row[2] || norm::is_blank(*row[2])))
        out.insert({dataset, key, person ? "person.name" : "org.name"});
      if (rule == "BL-IDV-001" && row[1]) {
        const bool ok = person ? ids::validate_citizen_id(*row[1], kIdOptions).ok()
                               : ids::validate_credit_code(*row[1]).ok();
        if (!ok) out.insert({dataset, key, person ? "person.id_number" : "org.credit_code"});
      }
      if (rule == "BL-PAT-001" && person && table != ProvinceTable::kGajHukou && row[5]) {
        const auto v = norm::normalize_phone(*row[5]);
        const std::string value = v.ok() ? std::string(v.value()) : norm::fold_text(*row[5], {});
        if (!std::regex_match(value, kMobile)) out.insert({dataset, key, "person.phone"});
      }
      if (rule == "BL-SET-001" && person && row[3]) {
        const std::string code = sex_code(table, *row[3]);
        if (code != "1" && code != "2") out.insert({dataset, key, "person.sex"});
      }
      if (rule == "BL-SET-002" && !person && row[4]) {
        std::string status = *row[4];
        if (table == ProvinceTable::kSwjTaxpayer)
          status = status == "正常" ? "存续" : status == "非正常" ? "吊销" : status == "注销" ? "注销" : status;
        static const std::set<std::string> kStatuses = {"存续", "在业", "吊销", "注销", "迁出"};
        if (!kStatuses.count(norm::normalize("code", status).value)) out.insert({dataset, key, "org.status"});
      }
      if (rule == "BL-DATE-001" && person && row[4]) {
        const auto d = norm::normalize_date(*row[4]);
        using namespace std::chrono;
        if (!d.ok() || norm::date_of(d) > kToday || norm::date_of(d) < year{1900} / January / 1)
          out.insert({dataset, key, "person.birth_date"});
      }
    }
  }
  return out;
}

// Normalised value of column `column` of a row, as docs/CATALOGUE.md defines it; "" for none
// and for a value with a defect of its own (precedence: it takes part in no comparison).
std::string canonical(ProvinceTable table, const Row& row, std::size_t column) {
  if (!row[column]) return "";
  const std::string& v = *row[column];
  if (is_person(table) && column == 4) {
    const auto d = norm::normalize_date(v);
    using namespace std::chrono;
    if (!d.ok() || norm::date_of(d) > kToday || norm::date_of(d) < year{1900} / January / 1) return "";
    return std::string(d.value());
  }
  if (is_person(table) && column == 3) {
    const std::string code = sex_code(table, v);
    return code == "1" || code == "2" ? code : "";
  }
  if (!is_person(table) && column == 2) return norm::normalize("org_name", v).value;
  return norm::normalize("person_name", v).value;
}

// Independent evaluation of id_consistency and cross_agency_conflict (docs/CATALOGUE.md).
std::set<Place> evaluate_cross(const MemoryProvince& p, const std::string& rule) {  // NOLINT(misc-no-recursion)
  std::set<Place> out;
  if (rule == "BL-CONS-001") {
    for (const auto table : {ProvinceTable::kGajHukou, ProvinceTable::kMztDibao, ProvinceTable::kRstInsured})
      for (const auto& row : p.of(table)) {
        const auto facts = ids::citizen_id_facts(ids::validate_citizen_id(*row[1], kIdOptions));
        if (!facts) continue;
        const std::string dataset(table_shape(table).dataset_id);
        const std::string birth = canonical(table, row, 4), sex = canonical(table, row, 3);
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", static_cast<int>(facts->birth_date.year()),
                      static_cast<unsigned>(facts->birth_date.month()), static_cast<unsigned>(facts->birth_date.day()));
        if (!birth.empty() && birth != iso) out.insert({dataset, *row[0], "person.birth_date"});
        if (!sex.empty() && sex != (facts->sex == ids::Sex::kMale ? "1" : "2"))
          out.insert({dataset, *row[0], "person.sex"});
      }
    return out;
  }
  struct Value {
    std::string dataset, key, value;
    bool source;
  };
  // A value id_consistency finds takes no part in conflicts either.
  const auto consistency = evaluate_cross(p, "BL-CONS-001");
  const auto compare = [&](std::initializer_list<ProvinceTable> tables, ProvinceTable source, std::size_t column,
                           const std::string& attribute) {
    std::map<std::string, std::vector<Value>> by_subject;
    for (const auto table : tables)
      for (const auto& row : p.of(table)) {
        const std::string v = canonical(table, row, column), subject = subject_of(row);
        const std::string dataset(table_shape(table).dataset_id);
        if (!v.empty() && !subject.empty() && !consistency.count({dataset, *row[0], attribute}))
          by_subject[subject].push_back({dataset, *row[0], v, table == source});
      }
    for (const auto& [subject, values] : by_subject) {
      std::set<std::string> source_values, all_values;
      for (const auto& v : values) {
        all_values.insert(v.value);
        if (v.source) source_values.insert(v.value);
      }
      for (const auto& v : values)
        if (source_values.empty() ? all_values.size() > 1 : (!v.source && !source_values.count(v.value)))
          out.insert({v.dataset, v.key, attribute});
    }
  };
  const auto people = {ProvinceTable::kGajHukou, ProvinceTable::kMztDibao, ProvinceTable::kRstInsured};
  const auto orgs = {ProvinceTable::kScjCompany, ProvinceTable::kSwjTaxpayer};
  compare(people, ProvinceTable::kGajHukou, 2, "person.name");
  compare(people, ProvinceTable::kGajHukou, 3, "person.sex");
  compare(people, ProvinceTable::kGajHukou, 4, "person.birth_date");
  compare(orgs, ProvinceTable::kScjCompany, 2, "org.name");
  compare(orgs, ProvinceTable::kScjCompany, 3, "org.legal_representative");
  return out;
}

std::vector<std::string> baseline_rule_ids() {
  std::ifstream in(jiaohe::testing::source_dir() + "/data/packs/baseline.json");
  const auto pack = nlohmann::json::parse(in);
  std::vector<std::string> out;
  for (const auto& rule : pack.at("rules")) out.push_back(rule.at("id").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("the same seed gives the same province and another seed another") {
  const auto a = generate(2000, 0.05, 42);
  const auto b = generate(2000, 0.05, 42);
  const auto c = generate(2000, 0.05, 43);
  CHECK(a.rows == b.rows);
  CHECK(a.findings == b.findings);
  CHECK(a.rows != c.rows);
}

TEST_CASE("row counts follow the subject count") {
  ProvinceSummary summary;
  const auto p = generate(3000, 0.0, 5, &summary);
  const auto count = [&](ProvinceTable t) { return static_cast<std::int64_t>(p.of(t).size()); };
  CHECK(count(ProvinceTable::kGajHukou) == 3000);
  CHECK(count(ProvinceTable::kScjCompany) == 300);
  CHECK(count(ProvinceTable::kMztDibao) > 200);
  CHECK(count(ProvinceTable::kMztDibao) < 400);
  CHECK(count(ProvinceTable::kRstInsured) > 1650);
  CHECK(count(ProvinceTable::kRstInsured) < 1950);
  CHECK(count(ProvinceTable::kSwjTaxpayer) > 210);
  CHECK(count(ProvinceTable::kSwjTaxpayer) < 270);
  for (const auto t : kProvinceTables) CHECK(summary.rows[static_cast<std::size_t>(t)] == count(t));
  CHECK(generate(0, 0.0, 5).of(ProvinceTable::kScjCompany).size() == 1);
}

TEST_CASE("a zero defect rate gives clean data and an empty ground truth") {
  ProvinceSummary summary;
  const auto p = generate(3000, 0.0, 9, &summary);
  CHECK(p.findings.empty());
  CHECK(summary.defects.empty());
  for (const std::string rule : {"BL-REQ-001", "BL-IDV-001", "BL-PAT-001", "BL-SET-001", "BL-SET-002", "BL-DATE-001"})
    CHECK_MESSAGE(evaluate(p, rule).empty(), rule);
  // Cosmetic noise: every phone normalises, every 民政 date reads as the registry's date.
  for (const auto t : {ProvinceTable::kMztDibao, ProvinceTable::kRstInsured})
    for (const auto& row : p.of(t)) CHECK(norm::normalize_phone(*row[5]).ok());
  std::map<std::string, std::string> registry_birth;
  for (const auto& row : p.of(ProvinceTable::kGajHukou)) registry_birth[subject_of(row)] = *row[4];
  for (const auto& row : p.of(ProvinceTable::kMztDibao))
    CHECK(norm::normalize_date(*row[4]).value() == registry_birth.at(subject_of(row)));
}

// The baseline rules that can find something in the demo province (tests/support/demo_rules.hpp).
static std::vector<std::string> rules_with_demo_ground_truth() {
  static const auto catalogue =
      jiaohe::engine::catalog::load_catalogue(jiaohe::testing::source_dir() + "/data/demo/catalogue.json");
  std::vector<std::string> out;
  for (const auto& rule : baseline_pack().rules)
    if (jiaohe::testing::can_find_in(rule, catalogue)) out.push_back(rule.id);
  return out;
}

TEST_CASE("every rule of the baseline pack has ground truth when defects are asked for") {
  const auto p = generate(2000, 0.02, 11);
  for (const auto& rule : rules_with_demo_ground_truth()) CHECK_MESSAGE(!truth_of(p, rule).empty(), rule);
  // Even a tiny rate places each defect kind once.
  const auto tiny = generate(2000, 0.0001, 11);
  for (const auto& rule : rules_with_demo_ground_truth()) CHECK_MESSAGE(!truth_of(tiny, rule).empty(), rule);
  CHECK(rules_with_demo_ground_truth().size() + 1 == baseline_rule_ids().size());
}

TEST_CASE("row-pass ground truth equals an independent evaluation of the rows") {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const auto p = generate(4000, 0.08, seed);
    for (const std::string rule : {"BL-REQ-001", "BL-IDV-001", "BL-PAT-001", "BL-SET-001", "BL-SET-002", "BL-DATE-001"})
      CHECK_MESSAGE(evaluate(p, rule) == truth_of(p, rule), rule << " seed " << seed);
  }
}

TEST_CASE("consistency and conflict ground truth equals an independent evaluation with cascades") {
  for (const std::uint64_t seed : {4u, 5u, 6u}) {
    const auto p = generate(4000, 0.08, seed);
    for (const std::string rule : {"BL-CONS-001", "BL-CONF-001"})
      CHECK_MESSAGE(evaluate_cross(p, rule) == truth_of(p, rule), rule << " seed " << seed);
  }
}

TEST_CASE("each finding of the ground truth is listed once") {
  const auto p = generate(4000, 0.1, 17);
  std::set<std::tuple<std::string, Place>> seen;
  for (const auto& f : p.findings)
    CHECK_MESSAGE(seen.insert({f.rule_id, {f.dataset_id, f.record_key, f.attribute}}).second,
                  f.rule_id << " " << f.dataset_id << " " << f.record_key);
}

TEST_CASE("bad options are refused") {
  MemoryProvince p;
  CHECK_THROWS_AS(generate_province({-1, 0.1, 1, kAsOf}, baseline_pack(), p), std::invalid_argument);
  CHECK_THROWS_AS(generate_province({10, 1.5, 1, kAsOf}, baseline_pack(), p), std::invalid_argument);
  CHECK_THROWS_AS(generate_province({10, -0.1, 1, kAsOf}, baseline_pack(), p), std::invalid_argument);
}
