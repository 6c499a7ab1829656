#pragma once
// The building blocks of the answers' JSON Schemas (2020-12, as /openapi.json serves them).
// A handler writes its answer's schema whole, beside the handler; a shape several answers share
// (a task, a dispute, a finding, a scan...) is wrapped in component(), and openapi_document
// lists it once under components/schemas/<name> and refers to it with $ref wherever it appears.
// A component is open at its top level, so that an answer may extend it (a task read is a task
// with its evidence); each answer closes what it uses with closed(), so a field the document
// does not describe makes the answer fail the check. Objects nested in a shape are closed in it.
#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

namespace jiaohe::api::schema {

// `schema`, marked as the shared shape `name` (openapi.hpp lifts it to components/schemas).
nlohmann::json component(const std::string& name, nlohmann::json schema);
// The key component() marks a schema with; openapi_document removes it.
inline constexpr const char* kComponentKey = "x-jiaohe-component";

// `base` with `properties` besides its own (`required` among them), and no other property:
// unevaluatedProperties sees through allOf and $ref, where additionalProperties would not.
nlohmann::json closed(nlohmann::json base, nlohmann::json properties = nlohmann::json::object(),
                      std::initializer_list<const char*> required = {});

// An object of exactly these properties, every one of them present (a nested object).
nlohmann::json record(nlohmann::json properties);
// A component's object: these properties, every one present but those `optional` names; open
// (see above).
nlohmann::json shape(nlohmann::json properties, std::initializer_list<const char*> optional = {});

nlohmann::json text();
nlohmann::json integer();
nlohmann::json boolean();
nlohmann::json number();
nlohmann::json instant();  // ISO-8601 with its offset
nlohmann::json date();     // a calendar date
nlohmann::json texts();    // an array of strings
// `schema` or null.
nlohmann::json nullable(nlohmann::json schema);

}  // namespace jiaohe::api::schema
