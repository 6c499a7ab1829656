#include "api/request_text.hpp"

#include <cctype>

#include "api/problem.hpp"
#include "rules/text/utf8.hpp"

namespace jiaohe::api {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Response bad_text(const std::string& place, std::size_t offset) {
  return problem(400, "Invalid text",
                 place + " is not valid UTF-8 text: byte " + std::to_string(offset) +
                     " (after percent-decoding) is malformed or NUL");
}

}  // namespace

DecodedTarget decode_target(std::string_view target) {
  using rules::text::invalid_text_at;
  DecodedTarget out;
  const auto q = target.find('?');
  out.path = percent_decode(target.substr(0, q));
  if (auto at = invalid_text_at(out.path)) {
    out.refusal = bad_text("the request path", *at);
    return out;
  }
  if (q == std::string_view::npos) return out;
  std::string_view rest = target.substr(q + 1);
  // Parameters are named by position: an invalid name cannot be printed, and a valid one might
  // be an identifier sent where a name belongs.
  for (std::size_t position = 1; !rest.empty(); ++position) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      auto name = percent_decode(pair.substr(0, eq));
      auto value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
      if (auto at = invalid_text_at(name)) {
        out.refusal = bad_text("the name of query parameter " + std::to_string(position), *at);
        return out;
      }
      if (auto at = invalid_text_at(value)) {
        out.refusal = bad_text("the value of query parameter " + std::to_string(position), *at);
        return out;
      }
      out.query[std::move(name)] = std::move(value);
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return out;
}

std::optional<Response> refuse_invalid_headers(const std::map<std::string, std::string>& headers) {
  for (const auto& [name, value] : headers)
    if (auto at = rules::text::invalid_text_at(value)) return bad_text("the value of header '" + name + "'", *at);
  return std::nullopt;
}

}  // namespace jiaohe::api
