#include "engine/scan/stored_values.hpp"

#include <algorithm>
#include <charconv>

#include "engine/store/copy_text.hpp"

namespace jiaohe::engine::scan {
namespace {

constexpr char kSeparator = '\x1f';

std::uint64_t pair_hash(std::string_view a, std::string_view b) {
  return text_hash(b, text_hash(std::string_view(&kSeparator, 1), text_hash(a)));
}

}  // namespace

std::uint64_t text_hash(std::string_view s, std::uint64_t h) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

void StoredValues::add(std::string_view copy_line) {
  store::split_copy_line(copy_line, scratch_, fields_);
  if (fields_.size() != 5 || !fields_[0] || !fields_[1] || !fields_[2]) return;  // the query's own columns
  // ctid is "(block,offset)".
  const std::string_view tid = *fields_[0];
  const auto comma = tid.find(',');
  if (tid.size() < 5 || comma == std::string_view::npos) return;
  Entry e{pair_hash(*fields_[1], *fields_[2]), pair_hash(fields_[3].value_or(""), fields_[4].value_or("")), 0, 0,
          false};
  std::from_chars(tid.data() + 1, tid.data() + comma, e.block);
  std::from_chars(tid.data() + comma + 1, tid.data() + tid.size() - 1, e.offset);
  entries_.push_back(e);
}

void StoredValues::sort() {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

bool StoredValues::unchanged(std::string_view record_key, std::string_view attribute, std::string_view subject,
                             std::string_view value) {
  const std::uint64_t key = pair_hash(record_key, attribute), v = pair_hash(subject, value);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key, [](const Entry& e, std::uint64_t k) { return e.key < k; });
  for (; it != entries_.end() && it->key == key; ++it)
    if (it->value == v && !it->found) return it->found = true;
  return false;
}

void StoredValues::forget(std::string_view record_key, std::string_view attribute) {
  const std::uint64_t key = pair_hash(record_key, attribute);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key, [](const Entry& e, std::uint64_t k) { return e.key < k; });
  for (; it != entries_.end() && it->key == key; ++it) it->found = false;
}

std::vector<std::string> StoredValues::gone() const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (!e.found) out.push_back("(" + std::to_string(e.block) + "," + std::to_string(e.offset) + ")");
  return out;
}

}  // namespace jiaohe::engine::scan
