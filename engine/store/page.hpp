#pragma once
// Keyset pagination of list queries: newest first (id descending), `limit` rows with an id
// below `before_id` (0: from the newest). Stores fetch limit + 1 rows to know whether a
// next page exists, and return at most `limit`.
#include <cstddef>
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

// The page of up to limit + 1 `rows` fetched newest first: the extra row only says that
// another page follows, which starts below the last id kept.
template <typename T, typename IdOf>
Page<T> page_of(std::vector<T> rows, const PageQuery& query, IdOf id_of) {
  Page<T> page{std::move(rows), std::nullopt};
  if (page.items.size() > static_cast<std::size_t>(query.limit)) {
    page.items.resize(static_cast<std::size_t>(query.limit));
    page.next_before_id = id_of(page.items.back());
  }
  return page;
}

}  // namespace jiaohe::engine::store
