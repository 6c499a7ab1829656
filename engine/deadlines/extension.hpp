#pragma once
// The three ways statutes extend a time limit. An extension never adds to a rounded deadline:
// it yields a new total limit that is counted again from the original receipt.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/deadlines/time_limit.hpp"

namespace jiaohe::engine::deadlines {

enum class ExtensionForm {
  kTo,      // extend TO a total (Zhejiang Art. 19: 5 -> 10 working days in all)
  kBy,      // extend BY a fixed amount (Administrative Licensing Law Art. 42: by 10 days)
  kAtMost,  // extend by a requested amount up to a maximum (OGI Regulation Art. 33: <= 20)
};

std::string form_name(ExtensionForm form);  // "to", "by", "at_most"
std::optional<ExtensionForm> parse_form(std::string_view name);

// A granted extension, in the unit of the limit it extends.
struct Extension {
  ExtensionForm form = ExtensionForm::kTo;
  std::int64_t amount = 0;   // the total (to), the addition (by) or the requested addition (at_most)
  std::int64_t maximum = 0;  // at_most only: the most the statute allows
  bool operator==(const Extension&) const = default;
};

// The limit after `extension`; throws engine::Error(kInvalidInput) when the extension does not
// fit its form (a total not above the base, a request above the maximum, ...).
TimeLimit extended_limit(const TimeLimit& base, const std::optional<Extension>& extension);

}  // namespace jiaohe::engine::deadlines
