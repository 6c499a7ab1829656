#pragma once
// An identifier as typed, folded before checking: surrounding white space (ASCII and U+3000)
// dropped, full-width forms folded to ASCII, letters upper-cased. Shared by both validators and
// the CLI's shape detection, so "１１０１…ｘ " and "1101…X" are the same number.
#include <array>
#include <cstddef>
#include <string_view>

namespace jiaohe::rules::ids {

// Stands in for a character that is not ASCII after folding, so checks reject it by position.
inline constexpr char kForeignChar = '\x7f';
// Identifiers we check are at most 18 characters; longer input only needs its length counted.
inline constexpr std::size_t kFoldedCapacity = 20;

struct FoldedIdentifier {
  std::array<char, kFoldedCapacity> chars{};  // the first min(length, capacity) characters
  std::size_t length = 0;                     // characters (not bytes) after trimming

  std::string_view view() const { return {chars.data(), length < kFoldedCapacity ? length : kFoldedCapacity}; }
};

// Folds `text` without allocating.
FoldedIdentifier fold_identifier(std::string_view text);

}  // namespace jiaohe::rules::ids
