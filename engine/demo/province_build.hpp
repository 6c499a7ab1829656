#pragma once
// The demo province as it is built: its subjects and their clean records per agency (the
// population), the choice of where defects go, and the output to a ProvinceSink. The defects
// themselves and the findings they must cause are province_defects.cpp; the harmless variants
// text_noise.hpp. Internal to engine/demo (province_generator.hpp is the interface).

#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "engine/calendar/local_time.hpp"
#include "engine/demo/dice.hpp"
#include "engine/demo/province_generator.hpp"
#include "engine/demo/province_vocabulary.hpp"
#include "engine/demo/text_noise.hpp"
#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/ids/id_generator.hpp"

namespace jiaohe::engine::demo::build {

using namespace std::chrono;
namespace ids = rules::ids;

// Canonical attributes of data/demo/catalogue.json.
constexpr std::string_view kPersonId = "person.id_number";
constexpr std::string_view kPersonName = "person.name";
constexpr std::string_view kPersonSex = "person.sex";
constexpr std::string_view kPersonBirth = "person.birth_date";
constexpr std::string_view kPersonPhone = "person.phone";
constexpr std::string_view kEmployer = "person.employer_credit_code";
constexpr std::string_view kOrgCode = "org.credit_code";
constexpr std::string_view kOrgName = "org.name";
constexpr std::string_view kOrgLegalRep = "org.legal_representative";
constexpr std::string_view kOrgStatus = "org.status";
constexpr std::string_view kRecordKey = "_record_key";

// Column positions shared by all tables of a subject type (see table_shape()).
constexpr std::size_t kKey = 0;
constexpr std::size_t kSubject = 1;
constexpr std::size_t kName = 2;
constexpr std::size_t kSex = 3;       // person tables
constexpr std::size_t kLegalRep = 3;  // organisation tables
constexpr std::size_t kBirth = 4;     // person tables
constexpr std::size_t kStatus = 4;    // organisation tables
constexpr std::size_t kPhone = 5;     // mzt_dibao and rst_insured
constexpr std::size_t kRstEmployer = 6;

using Table = ProvinceTable;

// Promised update frequencies (Art. 28) of the catalogue, and how old clean rows may be.
constexpr auto kDaily = hours(23);
constexpr auto kWeekly = days(5);
constexpr auto kMonthly = days(25);
constexpr auto kYearly = days(300);
// Older than yearly (366 days) + BL-STALE-001's 30 days of tolerance, with a margin.
constexpr int kStaleRowMinDays = 400;
constexpr int kStaleRowMaxDays = 700;
// Older than monthly (31 days) + BL-STALE-002's 2 days of tolerance, with a margin.
constexpr int kStaleDatasetMinDays = 40;
constexpr int kStaleDatasetMaxDays = 70;
constexpr int kOldestAgeDays = 95 * 365;

enum class PersonDefect {
  kNameMissing, kPhoneMalformed, kIdInvalid, kSexOutOfSet, kBirthDateInsane, kIdMismatch,
  kNameConflict, kDuplicateId, kNotInRegistry, kStaleRow, kDuplicateRow, kBlankRecordKey, kEmployerUnknown, kCount
};
constexpr std::array<std::string_view, static_cast<std::size_t>(PersonDefect::kCount)> kPersonDefectNames = {
    "name_missing", "phone_malformed", "id_invalid", "sex_out_of_set", "birth_date_insane", "id_mismatch",
    "name_conflict", "duplicate_id", "not_in_registry", "stale_row", "duplicate_row", "blank_record_key",
    "employer_not_registered"};

enum class OrgDefect {
  kNameMissing, kCodeInvalid, kStatusOutOfSet, kConflict, kDuplicateCode, kNotInRegister, kRecordKeyVariant, kCount
};
constexpr std::array<std::string_view, static_cast<std::size_t>(OrgDefect::kCount)> kOrgDefectNames = {
    "org_name_missing", "credit_code_invalid", "status_out_of_set", "org_conflict", "duplicate_credit_code",
    "not_in_company_register", "record_key_variant"};

struct Record {
  Record(Table t, Row r = {}) : table(t), row(std::move(r)) {}

  Table table;
  Row row;
  std::vector<std::string_view> variants;  // harmless variants written into it
  bool has_finding = false;
  const std::string& key() const { return *row[kKey]; }
  void noted(const Variant& v) {
    if (!v.variant.empty()) variants.push_back(v.variant);
  }
};

struct Person {
  std::string id;
  std::string name;
  bool male = false;
  year_month_day birth;
  std::string phone;
  std::string address;
};

struct Org {
  std::string code;
  std::string name;
  std::string legal_rep;
  std::string address;
};

// The records of one subject; the base record (gaj_hukou / scj_company) first when present.
using Records = std::vector<Record>;

constexpr std::string_view kCitizenCheckCharacters = "0123456789X";

inline std::uint64_t digits_value(std::string_view digits) {
  std::uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

// An authority/type pair GB 32100 does not allow, found once from the standard's own table.
inline std::string forbidden_authority_type() {
  for (char a : ids::kCreditCodeAlphabet)
    for (char t : ids::kCreditCodeAlphabet)
      if (!ids::is_allowed_authority_type(a, t)) return {a, t};
  throw std::logic_error("every credit code authority/type pair is allowed");
}

// The 15-digit form of a number of someone born in the 1900s (before 1999 numbers had it).
inline std::string legacy_form(const std::string& id) { return id.substr(0, 6) + id.substr(8, 9); }

inline std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

class Generator {
 public:
  Generator(const ProvinceOptions& options, const ProvinceRules& rules, ProvinceSink& sink)
      : options_(options),
        rules_(rules),
        sink_(sink),
        dice_(options.seed),
        today_(calendar::local_date_of(options.as_of)),
        as_of_(floor<seconds>(options.as_of)),
        stale_dibao_(options.defect_rate > 0) {
    person_pending_.fill(true);
    org_pending_.fill(true);
  }

  ProvinceSummary run() {
    // Organisations first: persons' employers are taken from the register as it ends up.
    const std::int64_t orgs = std::max<std::int64_t>(1, options_.subjects / 10);
    for (std::int64_t i = 0; i < orgs; ++i) org_place(i == 0);
    for (std::int64_t i = 0; i < options_.subjects; ++i) person_place(i == 0);
    emit_blank_keys();
    if (stale_dibao_ && summary_.rows[static_cast<std::size_t>(Table::kMztDibao)] > 0) {
      ++summary_.defects["stale_dataset"];
      emit_finding(rules_.dataset_staleness, Table::kMztDibao, "*", "_dataset",
                   "every update_time older than 31 + 2 days before the scan");
    }
    return std::move(summary_);
  }

 private:
  // ---- randomness -------------------------------------------------------------------------
  int uniform(int low, int high) { return dice_.uniform(low, high); }
  bool chance(double p) { return dice_.chance(p); }
  template <class T>
  const T& pick(std::span<const T> items) {
    return dice_.pick(items);
  }

  sys_seconds updated_at_within(seconds max_age) { return as_of_ - seconds(uniform(60, static_cast<int>(max_age.count()))); }
  sys_seconds updated_at_days_ago(int min_days, int max_days) {
    return as_of_ - days(uniform(min_days, max_days)) - seconds(uniform(0, 86399));
  }

  std::string next_key(Table table) {
    const auto n = ++key_counters_[static_cast<std::size_t>(table)];
    char buf[32];
    switch (table) {
      case Table::kGajHukou: std::snprintf(buf, sizeof buf, "RK%010lld", static_cast<long long>(n)); break;
      case Table::kMztDibao: std::snprintf(buf, sizeof buf, "%lld", 100000000LL + n); break;
      case Table::kRstInsured: std::snprintf(buf, sizeof buf, "%lld", 3300000000000LL + n); break;
      case Table::kScjCompany: std::snprintf(buf, sizeof buf, "QY%08lld", static_cast<long long>(n)); break;
      case Table::kSwjTaxpayer: std::snprintf(buf, sizeof buf, "%lld", 10113300000000000LL + n); break;
    }
    return buf;
  }

  // ---- people -----------------------------------------------------------------------------
  std::string person_name() {
    std::string name(pick(surnames()));
    const int given = uniform(1, 10) <= 7 ? 2 : 1;
    for (int i = 0; i < given; ++i) name += pick(given_name_characters());
    return name;
  }
  std::string different_name(const std::string& from) {
    std::string name;
    do name = person_name();
    while (name == from);
    return name;
  }
  std::string mobile() {
    static constexpr std::string_view kSecond = "3456789";
    std::string phone = "1";
    phone.push_back(kSecond[static_cast<std::size_t>(uniform(0, 6))]);
    for (int i = 0; i < 9; ++i) phone.push_back(static_cast<char>('0' + uniform(0, 9)));
    return phone;
  }
  std::string address(const Region& region) {
    return "浙江省" + std::string(region.city) + std::string(region.district) + std::string(pick(streets())) +
           std::to_string(uniform(1, 999)) + "号";
  }
  year_month_day birth_date() { return year_month_day{sys_days{today_} - days(uniform(1, kOldestAgeDays))}; }

  Person new_person() {
    Person p;
    const Region& region = pick(zhejiang_regions());
    p.male = chance(0.5);
    // IDs are unique: the first 17 characters (digits) are remembered as a number.
    do {
      p.birth = birth_date();
      const int sequence = uniform(0, 499) * 2 + (p.male ? 1 : 0);
      p.id = ids::make_citizen_id(region.code, p.birth, sequence);
    } while (!used_ids_.insert(digits_value(std::string_view(p.id).substr(0, 17))).second);
    p.name = person_name();
    p.phone = mobile();
    p.address = address(region);
    return p;
  }

  static std::string sex_word(bool male) { return male ? "男" : "女"; }

  Record hukou_record(const Person& p) {
    return {Table::kGajHukou,
            {next_key(Table::kGajHukou), p.id, p.name, male_code(p.male), iso_date(p.birth), p.address,
             instant_text(updated_at_within(kDaily))}};
  }
  Record dibao_record(const Person& p) {
    Record r(Table::kMztDibao);
    const std::string home = chance(0.8) ? p.address : address(pick(zhejiang_regions()));
    const auto updated = stale_dibao_ ? updated_at_days_ago(kStaleDatasetMinDays, kStaleDatasetMaxDays)
                                      : updated_at_within(kMonthly);
    const Variant id = noisy_identifier(p.id, dice_), name = noisy_person_name(p.name, dice_),
                  birth = loose_date(p.birth, dice_), phone = noisy_phone(p.phone, dice_);
    for (const Variant* v : {&id, &name, &birth, &phone}) r.noted(*v);
    r.row = {next_key(Table::kMztDibao), id.text, name.text, sex_word(p.male), birth.text, phone.text, home,
             instant_text(updated)};
    return r;
  }
  // rst_insured writes its update time as local time without a zone, sex as 1/2 or M/F, and
  // still holds 15-digit numbers of people born in the 1900s.
  Record insured_record(const Person& p) {
    Record r(Table::kRstInsured);
    Variant id = noisy_identifier(p.id, dice_);
    if (p.birth.year() < year{2000} && chance(0.05)) id = {legacy_form(p.id), "15-digit legacy ID number"};
    const Variant name = noisy_person_name(p.name, dice_), sex = noisy_sex_code(p.male, chance(0.3), dice_),
                  phone = noisy_phone(p.phone, dice_);
    std::optional<std::string> employer;
    if (!employers_.empty() && chance(0.6)) {
      const Variant e = noisy_identifier(employers_[static_cast<std::size_t>(uniform(0, static_cast<int>(employers_.size()) - 1))], dice_);
      r.noted(e);
      employer = e.text;
    }
    for (const Variant* v : {static_cast<const Variant*>(&id), &name, &sex, &phone}) r.noted(*v);
    r.noted({"", "update time without a zone (local time)"});
    r.row = {next_key(Table::kRstInsured), id.text, name.text, sex.text, compact_date(p.birth), phone.text, employer,
             local_time_text(updated_at_within(kYearly))};
    return r;
  }
  static std::string male_code(bool male) { return male ? "1" : "2"; }

  // A date written the way `table` writes birth dates.
  std::string birth_text(Table table, year_month_day d) {
    if (table == Table::kGajHukou) return iso_date(d);
    if (table == Table::kRstInsured) return compact_date(d);
    return loose_date(d, dice_).text;
  }

  void person_place(bool everywhere) {
    Person p = new_person();
    Records records;
    records.push_back(hukou_record(p));
    if (everywhere || chance(0.10)) records.push_back(dibao_record(p));
    if (everywhere || chance(0.60)) records.push_back(insured_record(p));

    const bool registry_only = records.size() == 1;
    std::vector<PersonDefect> fits = {PersonDefect::kNameMissing, PersonDefect::kIdInvalid,
                                      PersonDefect::kSexOutOfSet, PersonDefect::kBirthDateInsane,
                                      PersonDefect::kIdMismatch, PersonDefect::kNotInRegistry};
    if (!registry_only) {
      fits.push_back(PersonDefect::kPhoneMalformed);
      fits.push_back(PersonDefect::kNameConflict);
    }
    const Record* insured = find(records, Table::kRstInsured);
    if (insured) fits.push_back(PersonDefect::kStaleRow);
    if (insured && insured->row[kRstEmployer]) fits.push_back(PersonDefect::kEmployerUnknown);
    if (find(records, Table::kMztDibao)) fits.push_back(PersonDefect::kDuplicateRow);
    if (registry_only) fits.push_back(PersonDefect::kBlankRecordKey);
    if (registry_only && duplicate_hukou_) fits.push_back(PersonDefect::kDuplicateId);

    const auto defect = choose(fits, person_pending_);
    if (defect) {
      ++summary_.defects[std::string(kPersonDefectNames[static_cast<std::size_t>(*defect)])];
      inject(*defect, p, records);
    } else if (registry_only && !duplicate_hukou_) {
      // A clean person only in the registry: a later duplicate may copy this record.
      duplicate_hukou_ = records.front();
    }
    emit(records);
  }

  // ---- organisations ----------------------------------------------------------------------
  std::string company_name(const Region& region) {
    std::string city(region.city);
    city.resize(city.size() - std::string_view("市").size());
    const std::string brand(pick(company_brands())), industry(pick(company_industries()));
    // Some register their city in brackets after the brand: 恒达（杭州）科技有限公司.
    if (chance(0.2)) return brand + "（" + city + "）" + industry + "有限公司";
    return city + brand + industry + "有限公司";
  }

  Org new_org() {
    Org o;
    const Region& region = pick(zhejiang_regions());
    do {
      std::string body;
      for (int i = 0; i < 8; ++i) body.push_back(ids::kCreditCodeAlphabet[static_cast<std::size_t>(uniform(0, 30))]);
      o.code = ids::make_credit_code('9', '1', region.code, body);
    } while (!used_codes_.insert(o.code).second);
    o.name = company_name(region);
    o.legal_rep = person_name();
    o.address = address(region);
    return o;
  }

  Record company_record(const Org& o) {
    static constexpr std::array<std::string_view, 5> kStatuses = {"存续", "在业", "吊销", "注销", "迁出"};
    const int r = uniform(1, 100);
    const std::string_view status = kStatuses[r <= 70 ? 0 : r <= 85 ? 1 : static_cast<std::size_t>(2 + r % 3)];
    return {Table::kScjCompany,
            {next_key(Table::kScjCompany), o.code, o.name, o.legal_rep, std::string(status), o.address,
             instant_text(updated_at_within(kDaily))}};
  }
  Record taxpayer_record(const Org& o) {
    static constexpr std::array<std::string_view, 3> kStatuses = {"正常", "非正常", "注销"};
    const int r = uniform(1, 100);
    const std::string_view status = kStatuses[r <= 85 ? 0 : r <= 95 ? 1 : 2];
    Record rec(Table::kSwjTaxpayer);
    const Variant code = noisy_identifier(o.code, dice_), name = noisy_org_name(o.name, dice_),
                  rep = noisy_person_name(o.legal_rep, dice_);
    for (const Variant* v : {&code, &name, &rep}) rec.noted(*v);
    rec.row = {next_key(Table::kSwjTaxpayer), code.text, name.text, rep.text, std::string(status), o.address,
               instant_text(updated_at_within(kWeekly))};
    return rec;
  }

  void org_place(bool everywhere) {
    Org o = new_org();
    Records records;
    records.push_back(company_record(o));
    if (everywhere || chance(0.80)) records.push_back(taxpayer_record(o));

    const bool register_only = records.size() == 1;
    std::vector<OrgDefect> fits = {OrgDefect::kNameMissing, OrgDefect::kCodeInvalid, OrgDefect::kStatusOutOfSet,
                                   OrgDefect::kNotInRegister};
    if (!register_only) fits.push_back(OrgDefect::kConflict);
    if (register_only && duplicate_company_) fits.push_back(OrgDefect::kDuplicateCode);
    if (register_only && key_twin_company_) fits.push_back(OrgDefect::kRecordKeyVariant);

    const auto defect = choose(fits, org_pending_);
    if (defect) {
      ++summary_.defects[std::string(kOrgDefectNames[static_cast<std::size_t>(*defect)])];
      inject(*defect, o, records);
    } else if (register_only && !duplicate_company_) {
      duplicate_company_ = records.front();
    } else if (register_only && !key_twin_company_) {
      key_twin_company_ = records.front().key();
    }
    // The register still holds this organisation under its own valid code: persons may work there.
    if (records.front().row[kSubject] == o.code) employers_.push_back(o.code);
    emit(records);
  }

  // ---- choosing places --------------------------------------------------------------------
  // A kind not placed yet that fits goes first (so every rule is exercised); otherwise a
  // defect with probability R, of a kind drawn from those that fit.
  template <class Kind, std::size_t N>
  std::optional<Kind> choose(const std::vector<Kind>& fits, std::array<bool, N>& pending) {
    if (options_.defect_rate <= 0) return std::nullopt;
    for (std::size_t k = 0; k < N; ++k)
      if (pending[k] && std::find(fits.begin(), fits.end(), static_cast<Kind>(k)) != fits.end()) {
        pending[k] = false;
        return static_cast<Kind>(k);
      }
    if (!chance(options_.defect_rate)) return std::nullopt;
    return fits[static_cast<std::size_t>(uniform(0, static_cast<int>(fits.size()) - 1))];
  }

  static Record* find(Records& records, Table table) {
    for (auto& r : records)
      if (r.table == table) return &r;
    return nullptr;
  }
  // Any record of the subject, or one of the non-base records when `others_only`.
  Record& any_record(Records& records, bool others_only) {
    const int first = others_only ? 1 : 0;
    return records[static_cast<std::size_t>(uniform(first, static_cast<int>(records.size()) - 1))];
  }

  // ---- defects and the findings they must cause: province_defects.cpp -------------------
  // Precedence (docs/CATALOGUE.md): a value with a defect of its own takes no part in
  // consistency or conflicts, a record whose key does not validate in no referential rule.
  void inject(PersonDefect defect, const Person& p, Records& records);
  void inject(OrgDefect defect, const Org& o, Records& records);
  std::string invalid_citizen_id(const std::string& id, std::string& note);
  std::string invalid_credit_code(const std::string& code, std::string& note);

  // ---- output -----------------------------------------------------------------------------
  void emit_finding(const std::string& rule, Record& r, std::string_view attribute, std::string note) {
    r.has_finding = true;
    emit_finding(rule, r.table, r.key(), attribute, std::move(note));
  }
  void emit_finding(const std::string& rule, Table table, const std::string& key, std::string_view attribute,
                    std::string note) {
    if (rule.empty()) return;  // the pack has no rule of that kind
    ++summary_.findings[rule];
    sink_.add_finding({rule, std::string(table_shape(table).dataset_id), key, std::string(attribute), std::move(note)});
  }
  void emit(Records& records) {
    for (auto& r : records) {
      ++summary_.rows[static_cast<std::size_t>(r.table)];
      if (!r.has_finding)
        for (const auto v : r.variants)
          sink_.add_variant({std::string(table_shape(r.table).dataset_id), r.key(), std::string(v)});
      sink_.add_row(r.table, std::move(r.row));
    }
  }
  // Blank registry keys share one group: "#n" in the order of the subject key, then the last
  // update, as stored (docs/CATALOGUE.md, "Record identity").
  void emit_blank_keys() {
    std::sort(blank_keys_.begin(), blank_keys_.end());
    for (std::size_t i = 0; i < blank_keys_.size(); ++i)
      emit_finding(rules_.unique_record_key, Table::kGajHukou, "#" + std::to_string(i + 1), kRecordKey,
                   "registry record without a key");
  }

  const ProvinceOptions& options_;
  const ProvinceRules& rules_;
  ProvinceSink& sink_;
  Dice dice_;
  year_month_day today_;
  sys_seconds as_of_;
  bool stale_dibao_;
  ProvinceSummary summary_;
  std::array<std::int64_t, kProvinceTableCount> key_counters_{};
  std::unordered_set<std::uint64_t> used_ids_;
  std::unordered_set<std::string> used_codes_;
  std::array<bool, static_cast<std::size_t>(PersonDefect::kCount)> person_pending_{};
  std::array<bool, static_cast<std::size_t>(OrgDefect::kCount)> org_pending_{};
  std::optional<Record> duplicate_hukou_;    // a clean registry-only record a duplicate may copy
  std::optional<Record> duplicate_company_;  // likewise in the company register
  std::optional<std::string> key_twin_company_;  // a clean register-only record's key
  std::vector<std::string> employers_;       // credit codes the register holds validly
  std::vector<std::pair<std::string, std::string>> blank_keys_;  // subject key, last update
};

}  // namespace jiaohe::engine::demo::build
