#pragma once
// Who is calling the API, as an authenticated token says: what handlers decide access with.
// A value type with no I/O, so handlers and tests can build one without a database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jiaohe::engine::auth {

// citizen: a party acting for one identifier; agency: staff of one agency; authority: the
// public-data authority (supervision, filing on behalf of a party); admin: operators.
enum class Role { kCitizen, kAgency, kAuthority, kAdmin };

std::string role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Caller {
  std::int64_t token_id = 0;
  Role role = Role::kCitizen;
  std::string subject_id;   // citizen only: the normalised identifier
  std::string agency_code;  // agency only
  // The person the token names (agency and authority tokens may name one, from the staff
  // register); empty staff_id: the token acts for its whole unit, as every token did before.
  std::string staff_id = {}, staff_name = {};
  bool head = false;  // the person is the head of the agency (approves extensions, Art. 19 ¶1)
};

}  // namespace jiaohe::engine::auth
