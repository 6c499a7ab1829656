#pragma once
// A plain libpq connection for the bulk paths libpqxx 6.4 cannot serve: COPY of a query's
// result (stream_from only streams whole tables) and COPY into staging tables. Everything
// else uses libpqxx. Statements with values are parameterised; COPY takes no parameters, so
// its identifiers and literals are quoted by libpq's own escaping functions.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace jiaohe::engine::store {

using Row = std::vector<std::optional<std::string>>;

class PgSession {
 public:
  explicit PgSession(const std::string& url);
  ~PgSession();
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  // Runs a statement (or several, without parameters); throws std::runtime_error on failure.
  void exec(const std::string& sql);
  // Runs one parameterised statement and returns its rows as text.
  std::vector<Row> query(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
  // Number of rows a parameterised INSERT/UPDATE/DELETE touched.
  long long command(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
  // COPY ... FROM STDIN with `data` in text format.
  void copy_in(const std::string& copy_sql, std::string_view data);
  // COPY ... TO STDOUT; `on_line` gets each text-format line without its newline.
  void copy_out(const std::string& copy_sql, const std::function<void(std::string_view)>& on_line);

  std::string quote_identifier(std::string_view name) const;   // "schema"."table" for a dotted name
  std::string quote_literal(std::string_view value) const;

 private:
  pg_conn* conn_;
};

}  // namespace jiaohe::engine::store
