#include "engine/store/province_writer.hpp"

#include <array>
#include <stdexcept>
#include <vector>

#include <pqxx/pqxx>

#include "engine/error.hpp"

namespace jiaohe::engine::store {
namespace {

using demo::ProvinceTable;

constexpr const char* kQuietNotices = "SET LOCAL client_min_messages = warning";
constexpr const char* kDropSchema = "DROP SCHEMA IF EXISTS platform CASCADE";
// The mark left on the schema this writer creates: a `platform` schema without it holds
// someone else's tables (database.url may point at a real platform) and is replaced only when
// the caller says so.
constexpr const char* kMark = "made by jiaohe generate: a synthetic demo province";
constexpr const char* kReadMark =
    "SELECT coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace WHERE nspname = 'platform'";
// Column names and kinds as data/demo/catalogue.json and docs/DEMO.md describe them; the
// column order is demo::table_shape()'s. Keys and indexes come after the load (faster).
constexpr const char* kCreateTables = R"sql(
  CREATE SCHEMA platform;
  CREATE TABLE platform.gaj_hukou (
    rkbh text NOT NULL, gmsfhm text, xm text, xb text, csrq date, hjdz text, gxsj timestamptz NOT NULL);
  CREATE TABLE platform.mzt_dibao (
    jlid bigint NOT NULL, sfzh text, xingming text, xingbie text, chusheng_riqi text, lxdh text, jzdz text,
    update_time timestamptz NOT NULL);
  CREATE TABLE platform.rst_insured (
    aac001 bigint NOT NULL, aac002 text, aac003 text, aac004 text, aac006 text, aae005 text,
    aae036 timestamptz NOT NULL);
  CREATE TABLE platform.scj_company (
    qyid text NOT NULL, tyshxydm text, qymc text, fddbr text, djzt text, zs text, gxsj timestamptz NOT NULL);
  CREATE TABLE platform.swj_taxpayer (
    djxh bigint NOT NULL, nsrsbh text, nsrmc text, fddbrxm text, nsrzt text, scjydz text, xgrq timestamptz NOT NULL);
  CREATE TABLE platform.ground_truth (
    rule_id text NOT NULL, dataset_id text NOT NULL, record_key text NOT NULL, attribute text NOT NULL,
    note text NOT NULL);
)sql";
// COPY names tables without a schema; the search path points it at `platform`.
constexpr const char* kSearchPath = "SET LOCAL search_path TO platform";
constexpr const char* kAddKeys = R"sql(
  ALTER TABLE platform.gaj_hukou ADD PRIMARY KEY (rkbh);
  ALTER TABLE platform.mzt_dibao ADD PRIMARY KEY (jlid);
  ALTER TABLE platform.rst_insured ADD PRIMARY KEY (aac001);
  ALTER TABLE platform.scj_company ADD PRIMARY KEY (qyid);
  ALTER TABLE platform.swj_taxpayer ADD PRIMARY KEY (djxh);
  CREATE INDEX ON platform.gaj_hukou (gmsfhm);
  CREATE INDEX ON platform.mzt_dibao (sfzh);
  CREATE INDEX ON platform.rst_insured (aac002);
  CREATE INDEX ON platform.scj_company (tyshxydm);
  CREATE INDEX ON platform.swj_taxpayer (nsrsbh);
)sql";
constexpr const char* kGroundTruthTable = "ground_truth";
const std::vector<std::string> kGroundTruthColumns = {"rule_id", "dataset_id", "record_key", "attribute", "note"};

// Rows are buffered per table and copied in batches: one COPY stream per table at a time is
// all a connection allows, and the generator interleaves tables.
constexpr std::size_t kBatchRows = 50000;

// One row into a COPY stream. libpqxx 6.4 writes tuple-like values only, hence the fixed
// width; a null pointer is how it writes SQL NULL.
template <std::size_t N>
void write_row(pqxx::stream_to& out, const demo::Row& row) {
  std::array<const char*, N> fields{};
  for (std::size_t i = 0; i < N; ++i) fields[i] = row[i] ? row[i]->c_str() : nullptr;
  out << fields;
}

void write_row(pqxx::stream_to& out, const demo::Row& row) {
  switch (row.size()) {
    case 5: write_row<5>(out, row); break;
    case 7: write_row<7>(out, row); break;
    case 8: write_row<8>(out, row); break;
    default: throw std::logic_error("demo province: no COPY writer for rows of " + std::to_string(row.size()));
  }
}

class CopySink final : public demo::ProvinceSink {
 public:
  explicit CopySink(pqxx::work& tx) : tx_(tx) {}

  void add_row(ProvinceTable table, demo::Row row) override {
    buffers_[static_cast<std::size_t>(table)].push_back(std::move(row));
    if (++buffered_ >= kBatchRows) flush();
  }
  void add_finding(demo::GroundTruthRow finding) override { findings_.push_back(std::move(finding)); }

  void finish() {
    flush();
    pqxx::stream_to out(tx_, kGroundTruthTable, kGroundTruthColumns);
    for (const auto& f : findings_)
      out << std::array<const char*, 5>{f.rule_id.c_str(), f.dataset_id.c_str(), f.record_key.c_str(),
                                        f.attribute.c_str(), f.note.c_str()};
    out.complete();
  }

 private:
  void flush() {
    for (const auto table : demo::kProvinceTables) {
      auto& rows = buffers_[static_cast<std::size_t>(table)];
      if (rows.empty()) continue;
      const auto& shape = demo::table_shape(table);
      const std::vector<std::string> columns(shape.columns.begin(), shape.columns.end());
      pqxx::stream_to out(tx_, std::string(shape.dataset_id), columns);
      for (const auto& row : rows) write_row(out, row);
      out.complete();
      rows.clear();
    }
    buffered_ = 0;
  }

  pqxx::work& tx_;
  std::array<std::vector<demo::Row>, demo::kProvinceTableCount> buffers_;
  std::vector<demo::GroundTruthRow> findings_;
  std::size_t buffered_ = 0;
};

}  // namespace

demo::ProvinceSummary write_province(const std::string& url, const demo::ProvinceOptions& options,
                                     bool replace_foreign_schema) {
  pqxx::connection conn(url);
  pqxx::work tx(conn);
  tx.exec0(kQuietNotices);
  const auto mark = tx.exec(kReadMark);
  if (!mark.empty() && mark[0][0].as<std::string>() != kMark && !replace_foreign_schema)
    throw Error(ErrorCode::kConflict,
                "the database already has a schema `platform` that jiaohe generate did not make (its tables "
                "may be real data); nothing was changed. Pass --force to drop and replace it");
  tx.exec0(kDropSchema);
  tx.exec0(kCreateTables);
  tx.exec0(std::string("COMMENT ON SCHEMA platform IS ") + tx.quote(kMark));
  tx.exec0(kSearchPath);
  CopySink sink(tx);
  auto summary = demo::generate_province(options, sink);
  sink.finish();
  tx.exec0(kAddKeys);
  tx.commit();
  return summary;
}

}  // namespace jiaohe::engine::store
