#pragma once
// The publication of a record a withdrawal request (Art. 44) is about, as the open-data
// platform must see it. Filing the request suspends a published record at once; the agency's
// answer then withdraws it for good or resumes it (republished after treatment, or the request
// was unfounded); the authority's review of the result may still withdraw it. Each change is
// told to the open-data platform (its own webhook recipient) in the transaction that makes it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine::disputes {

// not_published: the dataset is not open data, there was nothing to suspend (the agency still
// verifies the request). The others follow a suspension.
enum class Publication { kNotPublished, kSuspended, kResumed, kWithdrawn };

std::string publication_name(Publication p);
std::optional<Publication> parse_publication(std::string_view name);
// Every state's name, in the order above (for query parameters and schemas).
std::vector<std::string> publication_names();

// The webhook recipient of the publication notifications (notify.webhooks["open_data"]).
inline constexpr const char* kOpenDataRecipient = "open_data";

// The notification kind that tells the open-data platform a record entered `p`
// (publication_suspended, publication_resumed, publication_withdrawn); none for kNotPublished.
std::optional<std::string> publication_notice(Publication p);

// A withdrawal request's publication when filed: suspended when its dataset is published.
Publication publication_at_filing(bool dataset_published);

// Where a result moves a suspended (or resumed) record, if anywhere. The agency's answer of
// its verify_withdrawal task: `withdrawn` withdraws; `republished` (treated and republished)
// and `rejected` (unfounded) resume. The authority's review: `overturned` reverses the agency's
// result (a resumed record is withdrawn, a withdrawn one resumed); `upheld` changes nothing.
// A record that was never published stays so.
std::optional<Publication> publication_after(Publication now, bool review, std::string_view result);

}  // namespace jiaohe::engine::disputes
