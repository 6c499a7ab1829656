#include "engine/deadlines/extension.hpp"

#include "engine/error.hpp"

namespace jiaohe::engine::deadlines {

std::string form_name(ExtensionForm form) {
  switch (form) {
    case ExtensionForm::kTo: return "to";
    case ExtensionForm::kBy: return "by";
    case ExtensionForm::kAtMost: return "at_most";
  }
  return "unknown";
}

std::optional<ExtensionForm> parse_form(std::string_view name) {
  if (name == "to") return ExtensionForm::kTo;
  if (name == "by") return ExtensionForm::kBy;
  if (name == "at_most") return ExtensionForm::kAtMost;
  return std::nullopt;
}

TimeLimit extended_limit(const TimeLimit& base, const std::optional<Extension>& extension) {
  if (!extension) return base;
  const auto& e = *extension;
  auto fail = [&](const std::string& why) {
    throw Error(ErrorCode::kInvalidInput, "extension " + form_name(e.form) + " " + std::to_string(e.amount) + ": " + why);
  };
  switch (e.form) {
    case ExtensionForm::kTo:
      if (e.amount <= base.amount) fail("the new total must exceed the limit of " + std::to_string(base.amount));
      return {e.amount, base.unit};
    case ExtensionForm::kBy:
      if (e.amount <= 0) fail("the amount must be positive");
      return {base.amount + e.amount, base.unit};
    case ExtensionForm::kAtMost:
      if (e.amount <= 0) fail("the requested amount must be positive");
      if (e.amount > e.maximum) fail("the requested amount exceeds the maximum of " + std::to_string(e.maximum));
      return {base.amount + e.amount, base.unit};
  }
  return base;
}

}  // namespace jiaohe::engine::deadlines
