#include "engine/auth/caller.hpp"

namespace jiaohe::engine::auth {

std::string role_name(Role role) {
  switch (role) {
    case Role::kCitizen: return "citizen";
    case Role::kAgency: return "agency";
    case Role::kAuthority: return "authority";
    case Role::kAdmin: return "admin";
  }
  return "citizen";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : {Role::kCitizen, Role::kAgency, Role::kAuthority, Role::kAdmin})
    if (role_name(r) == name) return r;
  return std::nullopt;
}

}  // namespace jiaohe::engine::auth
