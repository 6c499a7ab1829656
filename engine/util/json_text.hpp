#pragma once
// A JSON object written straight to text, member by member. For pages of many items and for the
// rows a group-commit batch writes (engine/store/batch_tx), where building a nlohmann tree per
// item (allocations, then dump, then destruction) costs more than the database's part of the
// request. Writes what nlohmann's dump() writes for the same members given in key order
// (strings escaped the same way, UTF-8 passed through unchecked: the callers' values come from
// the database, which holds valid UTF-8 only, or from request bodies the API has checked).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine::util {

class JsonArrayText;

// Keys are the program's own member names (plain ASCII with no quote, backslash or control
// character) and are written unescaped; values are escaped.
class JsonObjectText {
 public:
  explicit JsonObjectText(std::string& out);  // appends "{"
  JsonObjectText(const JsonObjectText&) = delete;
  JsonObjectText& operator=(const JsonObjectText&) = delete;

  void field(std::string_view key, std::string_view value);
  void field(std::string_view key, const std::string& value) { field(key, std::string_view(value)); }
  void field(std::string_view key, const char* value) { field(key, std::string_view(value)); }
  void field(std::string_view key, std::int64_t value);
  void field(std::string_view key, int value) { field(key, static_cast<std::int64_t>(value)); }
  void field(std::string_view key, bool value);
  void field(std::string_view key, std::nullptr_t);
  void field(std::string_view key, const std::vector<std::string>& values);  // an array of strings
  template <typename T>
  void field(std::string_view key, const std::optional<T>& value) {
    if (value) field(key, *value);
    else field(key, nullptr);
  }
  // A member whose value is an object: the returned writer appends its members; close it
  // before the next member of this one.
  JsonObjectText object(std::string_view key);
  // A member whose value is an array: the same rule.
  JsonArrayText array(std::string_view key);
  void close();  // appends "}"

 private:
  void key(std::string_view k);
  std::string& out_;
  bool first_ = true;
};

// An array of objects written as text.
class JsonArrayText {
 public:
  explicit JsonArrayText(std::string& out);  // appends "["
  JsonArrayText(const JsonArrayText&) = delete;
  JsonArrayText& operator=(const JsonArrayText&) = delete;
  // The next element, an object: close it before the next element.
  JsonObjectText object();
  void close();  // appends "]"

 private:
  std::string& out_;
  bool first_ = true;
};

// `s` as a JSON string literal, appended to `out`.
void append_json_string(std::string& out, std::string_view s);

}  // namespace jiaohe::engine::util
