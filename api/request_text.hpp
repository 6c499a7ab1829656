#pragma once
// Decoding a request's text. Everything that may reach JSON or SQL (the decoded path, query
// names and values, header values) must be well-formed UTF-8 without NUL; a request that is not
// gets one 400 naming the place and the byte offset, never the bytes themselves.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "api/http.hpp"

namespace jiaohe::api {

struct DecodedTarget {
  std::string path;                          // percent-decoded
  std::map<std::string, std::string> query;  // percent-decoded, '+' as space
  std::optional<Response> refusal;           // set when some part is not valid text
};

DecodedTarget decode_target(std::string_view target);

// A 400 for the first header whose value is not valid text (names are tokens, Beast checks them).
std::optional<Response> refuse_invalid_headers(const std::map<std::string, std::string>& headers);

}  // namespace jiaohe::api
