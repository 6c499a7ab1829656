#include "engine/store/pg_session.hpp"

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

namespace jiaohe::engine::store {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void fail(PGconn* conn, const std::string& what) {
  throw std::runtime_error(what + ": " + PQerrorMessage(conn));
}

void check(PGconn* conn, const Result& r, const std::string& what) {
  const auto status = PQresultStatus(r.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
      status == PGRES_COPY_OUT)
    return;
  std::string message = PQresultErrorMessage(r.get());
  if (message.empty()) message = PQerrorMessage(conn);
  throw std::runtime_error(what + ": " + message);
}

Result exec_params(PGconn* conn, const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  Result r(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
  check(conn, r, "query failed");
  return r;
}

}  // namespace

PgSession::PgSession(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    throw std::runtime_error("cannot connect to the database: " + message);
  }
}

PgSession::~PgSession() { PQfinish(conn_); }

void PgSession::exec(const std::string& sql) {
  Result r(PQexec(conn_, sql.c_str()));
  check(conn_, r, "statement failed");
}

std::vector<Row> PgSession::query(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  Result r = exec_params(conn_, sql, params);
  std::vector<Row> rows;
  const int n = PQntuples(r.get()), m = PQnfields(r.get());
  rows.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Row row;
    for (int j = 0; j < m; ++j)
      row.push_back(PQgetisnull(r.get(), i, j) ? std::nullopt : std::optional<std::string>(PQgetvalue(r.get(), i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

long long PgSession::command(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  Result r = exec_params(conn_, sql, params);
  const char* n = PQcmdTuples(r.get());
  return (n && *n) ? std::stoll(n) : 0;
}

void PgSession::copy_in(const std::string& copy_sql, std::string_view data) {
  Result start(PQexec(conn_, copy_sql.c_str()));
  check(conn_, start, "COPY failed to start");
  if (!data.empty() && PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1)
    fail(conn_, "COPY data failed");
  if (PQputCopyEnd(conn_, nullptr) != 1) fail(conn_, "COPY end failed");
  Result end(PQgetResult(conn_));
  check(conn_, end, "COPY failed");
  while (Result extra{PQgetResult(conn_)}) {
  }
}

void PgSession::copy_out(const std::string& copy_sql, const std::function<void(std::string_view)>& on_line) {
  Result start(PQexec(conn_, copy_sql.c_str()));
  check(conn_, start, "COPY failed to start");
  char* buffer = nullptr;
  int n;
  // libpq hands out one row per call in text format, ending in a newline.
  while ((n = PQgetCopyData(conn_, &buffer, 0)) > 0) {
    std::string_view line(buffer, static_cast<std::size_t>(n));
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    try {
      on_line(line);
    } catch (...) {
      PQfreemem(buffer);
      throw;
    }
    PQfreemem(buffer);
  }
  if (n == -2) fail(conn_, "COPY read failed");
  Result end(PQgetResult(conn_));
  check(conn_, end, "COPY failed");
  while (Result extra{PQgetResult(conn_)}) {
  }
}

std::string PgSession::quote_identifier(std::string_view name) const {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const auto dot = name.find('.', start);
    const auto part = name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    char* q = PQescapeIdentifier(conn_, part.data(), part.size());
    if (!q) fail(conn_, "cannot quote identifier");
    if (!out.empty()) out += '.';
    out += q;
    PQfreemem(q);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

std::string PgSession::quote_literal(std::string_view value) const {
  char* q = PQescapeLiteral(conn_, value.data(), value.size());
  if (!q) fail(conn_, "cannot quote literal");
  std::string out(q);
  PQfreemem(q);
  return out;
}

}  // namespace jiaohe::engine::store
