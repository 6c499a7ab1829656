#pragma once
// A filing as the party sends it, and the one check that turns it into a Filing the desk can
// write: the subject identifier, the description, the dataset and agency, and what only a
// withdrawal may carry. The API and every other caller go through validate_filing, so a filing
// is validated once, in one place.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"
#include "engine/disputes/dispute.hpp"
#include "engine/disputes/publication.hpp"

namespace jiaohe::engine::disputes {

struct DisputeRequest {
  std::string subject_id;   // citizen ID number or credit code, as sent
  std::string dataset_id;   // empty: the party does not know
  std::string attribute;    // empty: unknown
  std::string agency_code;  // empty: the dataset's agency from the catalogue
  std::string claimed_value;
  std::string description;
  nlohmann::json notify = nlohmann::json::object();  // how to reach the party
  FilingChannel channel = FilingChannel::kAgency;
  bool withdrawal = false;                    // an Art. 44 withdrawal request instead of a dispute
  // Withdrawal only, and only as a check: the dataset's publication decides (Art. 44), so a
  // value that contradicts it is refused rather than obeyed or ignored.
  std::optional<bool> publication_suspended;
};

// A filing that passed validate_filing (nothing else makes one).
class Filing {
 public:
  DisputeKind kind = DisputeKind::kDispute;
  std::string subject_id;  // normalised
  std::string dataset_id, attribute;
  std::string agency_code;  // the named agency, else the dataset's
  std::string claimed_value, description;
  nlohmann::json notify;
  // A dispute filed with the authority starts with its forwarding step; a withdrawal request
  // always goes to the agency.
  FilingChannel channel = FilingChannel::kAgency;
  // A withdrawal's publication from the moment it is filed (suspended when its dataset is
  // published); none for a dispute.
  std::optional<Publication> publication;
  // The attributes whose values the dispute snapshots as its evidence: the disputed one, or
  // every attribute of the catalogue when none is named (so the store reads them by the index
  // on (attribute, subject_id) instead of scanning); empty only without a catalogue: all.
  std::vector<std::string> evidence_attributes;

 private:
  Filing() = default;
  friend Filing validate_filing(const DisputeRequest&, const catalog::Catalogue*, Instant);
};

// The filing, or engine::Error(kInvalidInput) naming every wrong field by its JSON pointer: an
// invalid identifier (with the validator's reason, never the number), an empty description, a
// dataset the catalogue (when there is one) does not hold, no agency to send it to, a
// withdrawal that names no dataset, and publication_suspended on a dispute or contradicting
// the dataset's publication.
Filing validate_filing(const DisputeRequest& request, const catalog::Catalogue* catalogue, Instant now);

}  // namespace jiaohe::engine::disputes
