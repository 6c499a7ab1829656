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

// The page of `fetched` (up to limit + 1 items, newest first): the extra item only says that a
// next page exists, which starts below the last item kept.
template <typename T>
Page<T> page_of(std::vector<T> fetched, const PageQuery& query) {
  Page<T> page;
  page.items = std::move(fetched);
  if (static_cast<int>(page.items.size()) > query.limit) {
    page.items.resize(static_cast<std::size_t>(query.limit));
    page.next_before_id = page.items.back().id;
  }
  return page;
}

}  // namespace jiaohe::engine::store
