#include "engine/disputes/filing.hpp"

#include "engine/error.hpp"
#include "engine/ids/subject_check.hpp"

namespace jiaohe::engine::disputes {

Filing validate_filing(const DisputeRequest& r, const catalog::Catalogue* catalogue, Instant now) {
  std::vector<FieldError> errors;
  const auto check = ids::check_subject(r.subject_id, now);
  if (!check.valid)
    errors.push_back({"/subject_id", "not a valid citizen ID number or credit code", std::string(check.reason_code)});
  if (r.description.empty()) errors.push_back({"/description", "must not be empty", ""});
  std::string agency = r.agency_code;
  bool unknown_dataset = false;
  const catalog::DatasetDef* dataset = nullptr;
  if (!r.dataset_id.empty() && catalogue) {
    dataset = catalogue->dataset(r.dataset_id);
    unknown_dataset = dataset == nullptr;
    if (unknown_dataset) errors.push_back({"/dataset_id", "not a dataset of the catalogue", ""});
    else if (agency.empty()) agency = dataset->agency.code;
  }
  if (agency.empty() && !unknown_dataset)
    errors.push_back({"/agency_code", "name the agency or a dataset (dataset_id) the dispute is about", ""});
  if (!r.withdrawal && r.publication_suspended)
    errors.push_back({"/publication_suspended", "only a withdrawal request (withdrawal: true) takes it", ""});
  // Art. 44 is about published data: the request names the dataset whose publication it stops.
  if (r.withdrawal && r.dataset_id.empty())
    errors.push_back({"/dataset_id", "a withdrawal request names the dataset whose publication it concerns", ""});
  const bool published = dataset && dataset->published;
  if (r.withdrawal && dataset && r.publication_suspended && *r.publication_suspended != published)
    errors.push_back({"/publication_suspended",
                      published ? "the dataset is published: a withdrawal request suspends its publication at once "
                                  "(Art. 44), whatever the filer asks"
                                : "the dataset is not published as open data: there is no publication to suspend",
                      ""});
  if (!errors.empty()) throw Error(std::move(errors));

  Filing f;
  f.kind = r.withdrawal ? DisputeKind::kWithdrawal : DisputeKind::kDispute;
  f.subject_id = std::string(check.value());
  f.dataset_id = r.dataset_id;
  f.attribute = r.attribute;
  f.agency_code = agency;
  f.claimed_value = r.claimed_value;
  f.description = r.description;
  f.notify = r.notify;
  f.channel = r.withdrawal ? FilingChannel::kAgency : r.channel;
  if (r.withdrawal) f.publication = publication_at_filing(published);
  if (!r.attribute.empty()) f.evidence_attributes = {r.attribute};
  else if (catalogue)
    for (const auto& a : catalogue->attributes) f.evidence_attributes.push_back(a.name);
  return f;
}

}  // namespace jiaohe::engine::disputes
