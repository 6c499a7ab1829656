#pragma once
// The two platform tables of tests/data/scan/catalogue.json (a registry and an assistance
// dataset), for integration tests that plant their own rows.
namespace jiaohe::testing {

inline constexpr const char* kSmallPlatformSchema = R"sql(
  CREATE SCHEMA platform;
  CREATE TABLE platform.reg (rid text PRIMARY KEY, id_no text, name text, sex text, birth date,
                             updated_at timestamptz NOT NULL);
  CREATE TABLE platform.aid (rid text PRIMARY KEY, sfzh text, xm text, xb text, csrq text, phone text,
                             updated_at timestamptz NOT NULL);)sql";

}  // namespace jiaohe::testing
