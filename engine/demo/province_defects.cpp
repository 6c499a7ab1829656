// The defects of the demo province and the findings each must cause (docs/DEMO.md, "Injected
// defects"), written from docs/CATALOGUE.md's definitions, precedence included: one defect,
// one finding, except the records whose correct key is missing from the base dataset because
// the base record's key is wrong.
#include "engine/demo/province_build.hpp"

namespace jiaohe::engine::demo::build {

void Generator::inject(PersonDefect defect, const Person& p, Records& records) {
  const bool has_others = records.size() > 1;
  switch (defect) {
    case PersonDefect::kNameMissing: {
      // Only in the registry when the person is nowhere else: an empty authoritative value
      // would leave open whether the source "holds" the subject in a conflict.
      Record& r = any_record(records, has_others);
      static constexpr std::array<std::string_view, 5> kBlank = {"", "  ", "\u3000", "\u00a0", "\u200b"};
      const int style = uniform(0, 5);
      r.row[kName] = style == 5 ? std::nullopt : std::optional<std::string>(kBlank[static_cast<std::size_t>(style)]);
      emit_finding(rules_.required, r, kPersonName, style == 5 ? "name is NULL" : "name is empty or blank");
      break;
    }
    case PersonDefect::kPhoneMalformed: {
      Record& r = any_record(records, true);
      static constexpr std::array<std::string_view, 4> kNotes = {"10 digits", "a letter among the digits",
                                                                 "a landline number", "prefix 12"};
      const int style = uniform(0, 3);
      std::string phone = p.phone;
      if (style == 0) phone.pop_back();
      if (style == 1) phone[5] = 'a';
      if (style == 2) phone = "0571-8" + phone.substr(4);
      if (style == 3) phone[1] = '2';
      r.row[kPhone] = noisy_phone(phone, dice_).text;
      emit_finding(rules_.phone_pattern, r, kPersonPhone, "phone: " + std::string(kNotes[static_cast<std::size_t>(style)]));
      break;
    }
    case PersonDefect::kIdInvalid: {
      Record& r = any_record(records, false);
      std::string note;
      r.row[kSubject] = invalid_citizen_id(p.id, note);
      emit_finding(rules_.identifier, r, kPersonId, "citizen ID: " + note);
      if (r.table == Table::kGajHukou) {
        // The registry no longer holds the person's real number: every other record of the
        // person now points at no registry subject. They still agree with each other.
        for (std::size_t i = 1; i < records.size(); ++i)
          emit_finding(rules_.person_reference, records[i], kPersonId,
                       "cascade: the registry record carries an invalid ID number");
      }
      break;
    }
    case PersonDefect::kSexOutOfSet: {
      Record& r = any_record(records, false);
      const bool unknown = uniform(0, 1) == 0;
      const std::string code = r.table == Table::kMztDibao ? (unknown ? "未知" : "9") : (unknown ? "0" : "9");
      r.row[kSex] = code;
      emit_finding(rules_.sex_domain, r, kPersonSex, "sex code " + code);
      break;
    }
    case PersonDefect::kBirthDateInsane: {
      Record& r = any_record(records, false);
      const bool future = uniform(0, 1) == 0;
      const year_month_day d = future ? year_month_day{sys_days{today_} + days(uniform(1, 365))}
                                      : year{1899} / month{static_cast<unsigned>(uniform(1, 12))} /
                                            day{static_cast<unsigned>(uniform(1, 28))};
      r.row[kBirth] = birth_text(r.table, d);
      emit_finding(rules_.birth_date, r, kPersonBirth, future ? "birth date in the future" : "birth date in 1899");
      break;
    }
    case PersonDefect::kIdMismatch: {
      Record& r = any_record(records, false);
      if (uniform(0, 1) == 0) {
        year_month_day d;
        do d = year_month_day{sys_days{p.birth} + days(uniform(-400, 400))};
        while (d == p.birth || d >= today_ || d < year{1900} / January / 1);
        r.row[kBirth] = birth_text(r.table, d);
        emit_finding(rules_.consistency, r, kPersonBirth, "birth date differs from the ID number's");
      } else {
        r.row[kSex] = r.table == Table::kMztDibao ? sex_word(!p.male) : male_code(!p.male);
        emit_finding(rules_.consistency, r, kPersonSex, "sex differs from the ID number's");
      }
      break;
    }
    case PersonDefect::kNameConflict: {
      Record& r = any_record(records, true);
      r.row[kName] = different_name(p.name);
      emit_finding(rules_.conflict, r, kPersonName, "name differs from the registry's");
      break;
    }
    case PersonDefect::kDuplicateId: {
      // The person's registry record becomes a second copy of an earlier clean person's
      // record, the number in another width or case: same number, name, sex and birth date,
      // so only uniqueness is broken. Both are registry-only.
      Record& r = records.front();
      const std::string key = r.key();
      const std::string updated = *r.row.back();
      r.row = duplicate_hukou_->row;
      r.row[kKey] = key;
      r.row.back() = updated;
      if (chance(0.5)) r.row[kSubject] = to_full_width(*r.row[kSubject]);
      emit_finding(rules_.unique_identifier, *duplicate_hukou_, kPersonId, "ID number registered twice (first record)");
      emit_finding(rules_.unique_identifier, r, kPersonId, "ID number registered twice (second record)");
      duplicate_hukou_.reset();
      break;
    }
    case PersonDefect::kNotInRegistry: {
      // A further, otherwise clean person known to an agency but not to the registry.
      // Appended last, so that its key follows the place's own records of the same table.
      const Person ghost = new_person();
      records.push_back(uniform(0, 1) == 0 ? insured_record(ghost) : dibao_record(ghost));
      emit_finding(rules_.person_reference, records.back(), kPersonId, "person not in the household registry");
      break;
    }
    case PersonDefect::kStaleRow: {
      Record& r = *find(records, Table::kRstInsured);
      r.row.back() = local_time_text(updated_at_days_ago(kStaleRowMinDays, kStaleRowMaxDays));
      emit_finding(rules_.row_staleness, r, "_record", "last update more than 366 + 30 days ago");
      break;
    }
    case PersonDefect::kDuplicateRow: {
      // The assistance office loaded the same row twice: one key, two rows. Both get the
      // key plus an occurrence as their identity.
      Record& r = *find(records, Table::kMztDibao);
      Record copy = r;
      const std::string key = r.key();
      r.has_finding = copy.has_finding = true;
      records.push_back(std::move(copy));
      for (const char* n : {"#1", "#2"})
        emit_finding(rules_.unique_record_key, Table::kMztDibao, key + n, kRecordKey, "the same row twice");
      break;
    }
    case PersonDefect::kBlankRecordKey: {
      // The registry record has no key (NULL, spaces or U+3000): its identity is "#n" among
      // all such records, found once every one is known.
      Record& r = records.front();
      static constexpr std::array<std::string_view, 3> kBlank = {"  ", "\u3000", ""};
      const int style = uniform(0, 3);
      r.row[kKey] = style == 3 ? std::nullopt : std::optional<std::string>(kBlank[static_cast<std::size_t>(style)]);
      r.has_finding = true;
      blank_keys_.push_back({*r.row[kSubject], *r.row.back()});
      break;
    }
    case PersonDefect::kEmployerUnknown: {
      Record& r = *find(records, Table::kRstInsured);
      r.row[kRstEmployer] = new_org().code;  // valid, but in no register
      emit_finding(rules_.employer_reference, r, kEmployer, "employer's credit code not in the company register");
      break;
    }
    case PersonDefect::kCount: break;
  }
}

std::string Generator::invalid_citizen_id(const std::string& id, std::string& note) {
  std::string out;
  const int style = uniform(0, 2);
  if (style == 1) {
    out = "99" + id.substr(2, 15);
    note = "region 99 is no province";
  } else if (style == 2) {
    out = id.substr(0, 10) + "13" + id.substr(12, 5);
    note = "birth month 13";
  }
  if (!out.empty()) {
    out.push_back(ids::citizen_id_check_character(out));
    // Another person's number may mutate into the same one; then change the check instead.
    if (!used_ids_.insert(digits_value(std::string_view(out).substr(0, 17))).second) out.clear();
  }
  if (out.empty()) {
    out = id;
    const auto at = kCitizenCheckCharacters.find(id[17]);
    out[17] = kCitizenCheckCharacters[(at + static_cast<std::size_t>(uniform(1, 10))) % 11];
    note = "check character changed";
  }
  if (ids::validate_citizen_id(out, {today_, false}).ok())
    throw std::logic_error("demo province: a mutated citizen ID is still valid");
  return out;
}

void Generator::inject(OrgDefect defect, const Org& o, Records& records) {
  const bool has_others = records.size() > 1;
  switch (defect) {
    case OrgDefect::kNameMissing: {
      Record& r = any_record(records, has_others);
      const int style = uniform(0, 2);
      r.row[kName] = style == 0 ? std::nullopt : std::optional<std::string>(style == 1 ? "" : "\u3000");
      emit_finding(rules_.required, r, kOrgName, style == 0 ? "name is NULL" : "name is empty or blank");
      break;
    }
    case OrgDefect::kCodeInvalid: {
      Record& r = any_record(records, false);
      std::string note;
      r.row[kSubject] = invalid_credit_code(o.code, note);
      emit_finding(rules_.identifier, r, kOrgCode, "credit code: " + note);
      if (r.table == Table::kScjCompany)
        for (std::size_t i = 1; i < records.size(); ++i)
          emit_finding(rules_.org_reference, records[i], kOrgCode,
                       "cascade: the register's record carries an invalid credit code");
      break;
    }
    case OrgDefect::kStatusOutOfSet: {
      Record& r = any_record(records, false);
      const bool first = uniform(0, 1) == 0;
      const std::string status = r.table == Table::kScjCompany ? (first ? "歇业" : "正常") : (first ? "停业" : "未知");
      r.row[kStatus] = status;
      emit_finding(rules_.status_domain, r, kOrgStatus, "status " + status);
      break;
    }
    case OrgDefect::kConflict: {
      Record& r = records[1];
      if (uniform(0, 1) == 0) {
        std::string name;
        do name = company_name(pick(zhejiang_regions()));
        while (name == o.name);
        r.row[kName] = name;
        emit_finding(rules_.conflict, r, kOrgName, "name differs from the company register's");
      } else {
        r.row[kLegalRep] = different_name(o.legal_rep);
        emit_finding(rules_.conflict, r, kOrgLegalRep, "legal representative differs from the company register's");
      }
      break;
    }
    case OrgDefect::kDuplicateCode: {
      Record& r = records.front();
      const std::string key = r.key();
      const std::string updated = *r.row.back();
      r.row = duplicate_company_->row;
      r.row[kKey] = key;
      r.row.back() = updated;
      if (chance(0.5)) r.row[kSubject] = lower_ascii(*r.row[kSubject]);
      emit_finding(rules_.unique_identifier, *duplicate_company_, kOrgCode, "credit code registered twice (first record)");
      emit_finding(rules_.unique_identifier, r, kOrgCode, "credit code registered twice (second record)");
      duplicate_company_.reset();
      break;
    }
    case OrgDefect::kNotInRegister: {
      const Org ghost = new_org();
      records.push_back(taxpayer_record(ghost));
      emit_finding(rules_.org_reference, records.back(), kOrgCode, "taxpayer not in the company register");
      break;
    }
    case OrgDefect::kRecordKeyVariant: {
      // The register's key in lower case, of an earlier clean record: one key in two spellings.
      Record& r = records.front();
      r.row[kKey] = lower_ascii(*key_twin_company_);
      emit_finding(rules_.unique_record_key, Table::kScjCompany, *key_twin_company_ + "#1", kRecordKey,
                   "record key shared, upper case");
      emit_finding(rules_.unique_record_key, Table::kScjCompany, *r.row[kKey] + "#2", kRecordKey,
                   "record key shared, lower case");
      r.has_finding = true;
      key_twin_company_.reset();
      break;
    }
    case OrgDefect::kCount: break;
  }
}

std::string Generator::invalid_credit_code(const std::string& code, std::string& note) {
  static const std::string kForbidden = forbidden_authority_type();
  std::string out;
  const int style = uniform(0, 2);
  if (style == 1) {
    out = code.substr(0, 17);
    out[2] = 'A';
    note = "region with a letter";
  } else if (style == 2) {
    out = kForbidden + code.substr(2, 15);
    note = "authority/type pair not in GB 32100";
  }
  if (!out.empty()) {
    out.push_back(ids::credit_code_check_character(out));
    if (!used_codes_.insert(out).second) out.clear();
  }
  if (out.empty()) {
    out = code;
    const auto at = ids::kCreditCodeAlphabet.find(code[17]);
    out[17] = ids::kCreditCodeAlphabet[(at + static_cast<std::size_t>(uniform(1, 30))) % 31];
    note = "check character changed";
  }
  if (ids::validate_credit_code(out).ok())
    throw std::logic_error("demo province: a mutated credit code is still valid");
  return out;
}

}  // namespace jiaohe::engine::demo::build
