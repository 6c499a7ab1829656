#include "engine/disputes/publication.hpp"

#include <array>
#include <utility>

namespace jiaohe::engine::disputes {
namespace {

// One table: the state, its name in rows and answers, and the notice that announces it.
struct PublicationRow {
  Publication state;
  const char* name;
  const char* notice;  // nullptr: nothing to tell
};
constexpr std::array<PublicationRow, 4> kPublications{{
    {Publication::kNotPublished, "not_published", nullptr},
    {Publication::kSuspended, "suspended", "publication_suspended"},
    {Publication::kResumed, "resumed", "publication_resumed"},
    {Publication::kWithdrawn, "withdrawn", "publication_withdrawn"},
}};

const PublicationRow& row_of(Publication p) {
  for (const auto& r : kPublications)
    if (r.state == p) return r;
  return kPublications[0];
}

}  // namespace

std::string publication_name(Publication p) { return row_of(p).name; }

std::optional<Publication> parse_publication(std::string_view name) {
  for (const auto& r : kPublications)
    if (name == r.name) return r.state;
  return std::nullopt;
}

std::vector<std::string> publication_names() {
  std::vector<std::string> names;
  for (const auto& r : kPublications) names.emplace_back(r.name);
  return names;
}

std::optional<std::string> publication_notice(Publication p) {
  const auto* notice = row_of(p).notice;
  return notice ? std::optional<std::string>(notice) : std::nullopt;
}

Publication publication_at_filing(bool dataset_published) {
  return dataset_published ? Publication::kSuspended : Publication::kNotPublished;
}

std::optional<Publication> publication_after(Publication now, bool review, std::string_view result) {
  if (now == Publication::kNotPublished) return std::nullopt;
  if (review) {
    if (result != "overturned") return std::nullopt;
    return now == Publication::kWithdrawn ? Publication::kResumed : Publication::kWithdrawn;
  }
  if (result == "withdrawn") return Publication::kWithdrawn;
  if (result == "republished" || result == "rejected") return Publication::kResumed;
  return std::nullopt;
}

}  // namespace jiaohe::engine::disputes
