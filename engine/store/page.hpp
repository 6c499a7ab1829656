#pragma once
// Keyset pagination of list queries: newest first (id descending), `limit` rows with an id
// below `before_id` (0: from the newest). Stores fetch limit + 1 rows to know whether a
// next page exists, and return at most `limit`.
#include <cstdint>
#include <optional>
#include <vector>

namespace jiaohe::engine::store {

struct PageQuery {
  std::int64_t before_id = 0;
  int limit = 50;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::int64_t> next_before_id;  // set when more rows follow
};

}  // namespace jiaohe::engine::store
