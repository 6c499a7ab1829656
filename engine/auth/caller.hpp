#pragma once
// Who is calling: what authentication returns, so that handlers never read tokens. A caller
// sees only its own (a citizen its identifier's records, an agency its own datasets and tasks).
#include <cstdint>
#include <optional>
#include <string>

namespace jiaohe::engine::auth {

enum class Role { kCitizen, kAgency, kAuthority, kAdmin };

struct Caller {
  std::int64_t token_id = 0;
  Role role = Role::kCitizen;
  std::string subject_id;   // citizen
  std::string agency_code;  // agency

  bool is_staff() const { return role == Role::kAgency || role == Role::kAuthority || role == Role::kAdmin; }
  bool sees_all() const { return role == Role::kAuthority || role == Role::kAdmin; }
};

std::string role_name(Role role);
std::optional<Role> parse_role(const std::string& name);

}  // namespace jiaohe::engine::auth
