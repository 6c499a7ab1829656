#pragma once
// GET /v1/datasets/publication: which datasets' publication personal data exposed in them has
// suspended (Art. 44 para. 3, engine/tasks/exposure_suspension.hpp), since when, and by which
// exposure tasks still open; resumed datasets stay listed with the instant they resumed. A
// dataset of the catalogue that is not listed was never suspended. Filters: state (suspended,
// resumed), dataset. An agency sees its own datasets, the authority all (the open-data
// platform reads with an authority token, as it reads the suspended records of GET /v1/disputes).
// Nothing personal is in it: the read is not access-logged.
#include "api/app_context.hpp"
#include "api/http.hpp"
#include "api/router.hpp"

namespace jiaohe::api::handlers {

Response list_dataset_publication(const Request& request, AppContext& ctx);
RouteSchema list_dataset_publication_schema();

}  // namespace jiaohe::api::handlers
