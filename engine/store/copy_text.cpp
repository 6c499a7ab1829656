#include "engine/store/copy_text.hpp"

namespace jiaohe::engine::store {

void append_copy_field(std::string& line, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line += c;
    }
  }
}

void split_copy_line(std::string_view line, std::string& scratch, std::vector<std::optional<std::string_view>>& out) {
  out.clear();
  // Fast path: no backslash means no escapes and no NULLs; fields are views into the line.
  if (line.find('\\') == std::string_view::npos) {
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) return;
      start = tab + 1;
    }
  }
  scratch.clear();
  scratch.reserve(line.size());
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // into scratch; npos start = NULL
  std::size_t field_start = 0;
  bool is_null = false;
  auto finish_field = [&] {
    spans.emplace_back(is_null ? std::string::npos : field_start, scratch.size() - field_start);
    is_null = false;
    field_start = scratch.size();
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\t') {
      finish_field();
      continue;
    }
    if (c != '\\' || i + 1 >= line.size()) {
      scratch += c;
      continue;
    }
    const char e = line[++i];
    switch (e) {
      case 'N': is_null = true; break;
      case 't': scratch += '\t'; break;
      case 'n': scratch += '\n'; break;
      case 'r': scratch += '\r'; break;
      case 'b': scratch += '\b'; break;
      case 'f': scratch += '\f'; break;
      case 'v': scratch += '\v'; break;
      default: scratch += e;  // backslash itself and any other escaped character
    }
  }
  finish_field();
  for (const auto& [start, size] : spans)
    out.push_back(start == std::string::npos ? std::nullopt
                                             : std::optional<std::string_view>(std::string_view(scratch).substr(start, size)));
}

}  // namespace jiaohe::engine::store
