// `jiaohe report quality --html FILE`: the quality report of one scan as one self-contained
// HTML file (api/handlers/console_report.hpp), the same page `serve` answers at
// /reports/quality.html. Written to FILE.tmp and renamed, so a reader never sees half a file.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "api/app_context.hpp"
#include "api/handlers/console_report.hpp"
#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/clock.hpp"
#include "engine/error.hpp"
#include "engine/store/database.hpp"

namespace jiaohe::cli {
namespace {

std::int64_t positive(const ParsedArgs& args, const char* flag, std::int64_t fallback) {
  const auto text = args.value(flag);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    const auto n = std::stoll(*text, &used);
    if (used == text->size() && n > 0) return n;
  } catch (const std::exception&) {
  }
  throw UsageError(std::string("--") + flag + " must be a positive whole number, got '" + *text + "'");
}

void write_atomically(const std::filesystem::path& path, const std::string& text) {
  auto tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw engine::Error(engine::ErrorCode::kInvalidInput, "cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
}

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (args.positionals.size() != 1 || args.positionals[0] != "quality")
    throw UsageError("report needs the report's name: quality");
  const auto file = args.value("html");
  if (!file || file->empty()) throw UsageError("report quality needs --html FILE");
  api::handlers::QualityReportRequest wanted;
  if (args.value("scan")) wanted.scan = positive(args, "scan", 0);
  wanted.agency = args.value("agency").value_or("");
  wanted.trend_scans = static_cast<int>(positive(args, "trend", wanted.trend_scans));

  const auto config = with_database_flag(base, args);
  const auto workflow = load_workflow(args, config);
  engine::store::DatabaseLocation db(config);
  const engine::SystemClock clock;
  api::AppContext context{db.url(), &clock, workflow.setup()};
  context.pack = &workflow.pack;
  // The operator, who holds the database, reads as the authority does (no personal data here).
  engine::auth::Caller caller;
  caller.role = engine::auth::Role::kAuthority;
  auto document = api::handlers::quality_report_document(caller, wanted, context);
  if (auto* refusal = std::get_if<api::Response>(&document)) {
    const auto problem = nlohmann::json::parse(refusal->body, nullptr, false);
    std::cerr << "jiaohe report: " << (problem.is_object() ? problem.value("detail", "refused") : "refused") << "\n";
    return 1;
  }
  const auto& doc = std::get<nlohmann::json>(document);
  const auto html = api::handlers::quality_report_html(doc);
  write_atomically(*file, html);
  std::cout << "wrote " << *file << " (scan " << doc.at("scan_id").get<std::int64_t>() << ", "
            << doc.at("scans").size() << " scans, " << html.size() << " bytes)\n";
  return 0;
}

std::vector<Flag> report_flags() {
  return with_workflow_flags({{"html", "FILE", "write the report as one self-contained HTML file"},
                             {"scan", "ID", "the scan to report (default: the newest successful scan)"},
                             {"agency", "CODE", "only this agency's datasets"},
                             {"trend", "N", "compare with up to N-1 earlier scans (default 12 in all)"},
                             database_url_flag()});
}

}  // namespace

Command report_command() {
  return {"report",
          "write the quality report of a scan as one self-contained HTML file",
          "quality --html FILE",
          "Writes the data-quality report of one successful scan (default the newest) as one HTML\n"
          "file that opens with no network and no server: scores per agency and dataset with charts,\n"
          "the rules with the most failures, the trend against earlier scans and the records with\n"
          "findings by kind, in Simplified Chinese with English on a switch. It holds no personal data\n"
          "(scores and counts only). `jiaohe serve` answers the same page at /reports/quality.html.",
          report_flags(),
          run};
}

}  // namespace jiaohe::cli
