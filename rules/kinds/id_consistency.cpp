// id_consistency: a person record's birth date and sex must agree with its own valid ID
// number (GB 11643 encodes both). Records with an invalid ID are left to identifier_valid, and
// a value with a defect of its own (date_sanity, value_in_set, range, ...) to that rule.
#include "rules/ids/citizen_id_facts.hpp"
#include "rules/kinds/per_attribute_check.hpp"
#include "rules/normalize/date.hpp"

namespace jiaohe::rules::kinds {
namespace {

class IdConsistency final : public RowCheck {
 public:
  IdConsistency(std::size_t id_slot, int birth_slot, int sex_slot, std::chrono::year_month_day today)
      : id_slot_(id_slot), birth_slot_(birth_slot), sex_slot_(sex_slot) {
    (void)today;  // a future birth date in the number is the birth date's defect, not this rule's
  }

  void check(std::span<const FieldValue> row, std::vector<RowDefect>& out) const override {
    const FieldValue& id = row[id_slot_];
    if (!id.normalized_ok) return;  // the normalised number is valid (legacy numbers upgraded)
    auto facts = ids::citizen_id_facts(ids::validate_citizen_id(id.normalized, options_));
    if (!facts) return;
    if (birth_slot_ >= 0) {
      const FieldValue& birth = row[static_cast<std::size_t>(birth_slot_)];
      if (birth.present && !has_defect(out, "person.birth_date")) {
        auto verdict = normalize::normalize_date(birth.folded);
        if (verdict.ok() && normalize::date_of(verdict) != facts->birth_date)
          out.push_back({"person.birth_date", value_evidence(birth, "differs_from_id_number")});
      }
    }
    if (sex_slot_ >= 0) {
      const FieldValue& sex = row[static_cast<std::size_t>(sex_slot_)];
      const std::string_view expected = facts->sex == ids::Sex::kMale ? "1" : "2";
      const std::string_view got = sex.normalized_ok ? sex.normalized : sex.folded;
      // A code outside the domain is value_in_set's finding; any other value that is not the
      // ID's contradicts the record's own identifier.
      if (sex.present && got != expected && !has_defect(out, "person.sex"))
        out.push_back({"person.sex", value_evidence(sex, "differs_from_id_number")});
    }
  }

 private:
  std::size_t id_slot_;
  int birth_slot_;
  int sex_slot_;
  ids::CitizenIdOptions options_{std::chrono::year::max() / std::chrono::December / 31, false};
};

}  // namespace

std::unique_ptr<RowCheck> make_id_consistency(const RuleDef& rule, const std::vector<AttributeSlot>& slots,
                                              const RowContext& context) {
  const int id = slot_of(slots, "person.id_number");
  if (id < 0) return nullptr;
  auto targeted = [&](const char* attribute) {
    const bool wanted = std::find(rule.attributes.begin(), rule.attributes.end(), attribute) != rule.attributes.end();
    return wanted ? slot_of(slots, attribute) : -1;
  };
  const int birth = targeted("person.birth_date");
  const int sex = targeted("person.sex");
  if (birth < 0 && sex < 0) return nullptr;
  return std::make_unique<IdConsistency>(static_cast<std::size_t>(id), birth, sex, context.today);
}

}  // namespace jiaohe::rules::kinds
