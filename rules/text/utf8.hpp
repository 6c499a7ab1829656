#pragma once
// Strict UTF-8 (RFC 3629): what PostgreSQL's UTF8 encoding and JSON accept. Everything that
// leaves the process as text (JSON answers, SQL parameters) must pass this first.
#include <cstddef>
#include <optional>
#include <string_view>

namespace jiaohe::rules::text {

// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
// forms, surrogates, code points above U+10FFFF and truncated sequences included), or nullopt.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

// The offset of the first byte that PostgreSQL's `text` cannot hold: invalid UTF-8 or NUL.
std::optional<std::size_t> invalid_text_at(std::string_view text);

}  // namespace jiaohe::rules::text
