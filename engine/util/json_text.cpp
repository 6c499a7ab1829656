#include "engine/util/json_text.hpp"

#include <charconv>

namespace jiaohe::engine::util {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // the start of the run of bytes that need no escape, appended at once
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (u) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xf]};
        out.append(escape, sizeof escape);
      }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

JsonObjectText::JsonObjectText(std::string& out) : out_(out) { out_ += '{'; }

void JsonObjectText::key(std::string_view k) {
  if (!first_) out_ += ',';
  first_ = false;
  out_ += '"';
  out_.append(k);  // a member name of the program's (the header's rule): nothing to escape
  out_ += "\":";
}

void JsonObjectText::field(std::string_view k, std::string_view value) {
  key(k);
  append_json_string(out_, value);
}

void JsonObjectText::field(std::string_view k, std::int64_t value) {
  key(k);
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;  // 24 characters hold every int64
  out_.append(buf, end);
}

void JsonObjectText::field(std::string_view k, bool value) {
  key(k);
  out_ += value ? "true" : "false";
}

void JsonObjectText::field(std::string_view k, std::nullptr_t) {
  key(k);
  out_ += "null";
}

void JsonObjectText::field(std::string_view k, const std::vector<std::string>& values) {
  key(k);
  out_ += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out_ += ',';
    append_json_string(out_, values[i]);
  }
  out_ += ']';
}

JsonObjectText JsonObjectText::object(std::string_view k) {
  key(k);
  return JsonObjectText(out_);
}

void JsonObjectText::close() { out_ += '}'; }

JsonArrayText JsonObjectText::array(std::string_view k) {
  key(k);
  return JsonArrayText(out_);
}

JsonArrayText::JsonArrayText(std::string& out) : out_(out) { out_ += '['; }

JsonObjectText JsonArrayText::object() {
  if (!first_) out_ += ',';
  first_ = false;
  return JsonObjectText(out_);
}

void JsonArrayText::close() { out_ += ']'; }

}  // namespace jiaohe::engine::util
