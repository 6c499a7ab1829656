// `jiaohe generate`: the synthetic demo province with known defects and their ground truth.
#include <charconv>
#include <chrono>
#include <iomanip>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/clock.hpp"
#include "engine/store/database.hpp"
#include "engine/store/province_writer.hpp"

namespace jiaohe::cli {
namespace {

constexpr std::int64_t kDefaultSubjects = 10000;
constexpr double kDefaultDefectRate = 0.01;
constexpr std::uint64_t kDefaultSeed = 1;

template <class T>
std::optional<T> parse_number(const std::string& text) {
  T value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

engine::demo::ProvinceOptions options_of(const ParsedArgs& args) {
  engine::demo::ProvinceOptions options;
  options.subjects = kDefaultSubjects;
  options.defect_rate = kDefaultDefectRate;
  options.seed = kDefaultSeed;
  if (auto v = args.value("subjects")) {
    const auto n = parse_number<std::int64_t>(*v);
    if (!n || *n < 0) throw UsageError("--subjects must be a whole number of 0 or more, got '" + *v + "'");
    options.subjects = *n;
  }
  if (auto v = args.value("defect-rate")) {
    const auto r = parse_number<double>(*v);
    if (!r || !(*r >= 0.0 && *r <= 1.0))
      throw UsageError("--defect-rate must be a number from 0 to 1, got '" + *v + "'");
    options.defect_rate = *r;
  }
  if (auto v = args.value("seed")) {
    const auto s = parse_number<std::uint64_t>(*v);
    if (!s) throw UsageError("--seed must be a whole number from 0 to 18446744073709551615, got '" + *v + "'");
    options.seed = *s;
  }
  if (auto v = args.value("as-of")) {
    const auto t = engine::calendar::parse_instant(*v, nullptr, engine::calendar::InstantForm::kTyped);
    if (!t)
      throw UsageError("--as-of must be an instant like 2026-03-01, 2026-03-01T08:00 or 2026-03-01T00:00Z, got '" +
                       *v + "'");
    options.as_of = *t;
  } else {
    options.as_of = engine::SystemClock().now();
  }
  return options;
}

void print_summary(const engine::demo::ProvinceSummary& summary, double seconds) {
  std::cout << "rows:\n";
  for (const auto table : engine::demo::kProvinceTables)
    std::cout << "  platform." << std::left << std::setw(14) << engine::demo::table_shape(table).dataset_id
              << summary.rows[static_cast<std::size_t>(table)] << "\n";
  std::int64_t defects = 0;
  for (const auto& [kind, n] : summary.defects) defects += n;
  std::cout << "injected defects: " << defects << "\n";
  for (const auto& [kind, n] : summary.defects) std::cout << "  " << std::setw(24) << kind << n << "\n";
  std::int64_t findings = 0;
  for (const auto& [rule, n] : summary.findings) findings += n;
  std::cout << "ground truth (platform.ground_truth): " << findings << " findings\n";
  for (const auto& [rule, n] : summary.findings) std::cout << "  " << std::setw(14) << rule << n << "\n";
  std::cout << "elapsed: " << std::fixed << std::setprecision(1) << seconds << " s\n";
}

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (!args.positionals.empty()) throw UsageError("generate takes no arguments");
  const auto options = options_of(args);
  const auto config = with_database_flag(base, args);
  engine::store::DatabaseLocation db(config);
  // The ground truth names the rules of the pack the demo scans with.
  const std::string data = config.data_dir;
  const auto catalogue = engine::catalog::load_catalogue(args.value("catalogue").value_or(data + "/demo/catalogue.json"));
  const auto pack = engine::catalog::load_rule_pack(args.value("pack").value_or(data + "/packs/baseline.json"), catalogue);
  const auto started = std::chrono::steady_clock::now();
  const auto summary = engine::store::write_province(db.url(), options, pack, args.has("force"));
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  print_summary(summary, elapsed.count());
  return 0;
}

}  // namespace

Command generate_command() {
  return {"generate",
          "create the synthetic demo province with known defects",
          "",
          "Drops and recreates the schema `platform` and fills the five tables of\n"
          "data/demo/catalogue.json with a synthetic Zhejiang province: N persons (all in\n"
          "gaj_hukou, about 10% in mzt_dibao, 60% in rst_insured) and N/10 organisations (all in\n"
          "scj_company, about 80% in swj_taxpayer), with cosmetic noise that normalisers remove.\n"
          "With probability R per subject it injects a defect for a rule of the baseline pack, and\n"
          "it writes platform.ground_truth: exactly the findings a scan at --as-of must report.\n"
          "Everything happens in one transaction; the same seed gives the same province.\n"
          "A `platform` schema that generate did not make is left alone unless --force is given.\n"
          "See docs/DEMO.md.",
          {{"subjects", "N", "number of persons (default 10000); organisations are N/10, at least 1"},
           {"defect-rate", "R", "probability of a defect per subject, 0 to 1 (default 0.01)"},
           {"seed", "S", "random seed (default 1)"},
           {"as-of", "INSTANT", "scan instant the ground truth holds for (default now), e.g. 2026-03-01T08:00 "
                                "(Asia/Shanghai unless Z or +08:00 is given)"},
           {"catalogue", "FILE", "the demo catalogue (default data/demo/catalogue.json)"},
           {"pack", "FILE", "the pack whose rule ids the ground truth names (default data/packs/baseline.json)"},
           database_url_flag(),
           {"force", "", "replace a `platform` schema that generate did not make (its data is lost)"}},
          run};
}

}  // namespace jiaohe::cli
