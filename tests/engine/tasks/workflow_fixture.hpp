#pragma once
// A migrated database with the scan test platform (tests/data/scan), the zhejiang-2022 profile,
// the shipped calendars and a ManualClock: what every workflow pgtest starts from.
#include <chrono>
#include <string>

#include <pqxx/pqxx>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/scan/scanner.hpp"
#include "engine/statute/statute_profile.hpp"
#include "engine/disputes/dispute_desk.hpp"
#include "engine/store/task_store.hpp"
#include "engine/tasks/finding_loop.hpp"
#include "engine/tasks/task_desk.hpp"
#include "rules/ids/id_generator.hpp"
#include "tests/support/small_platform.hpp"
#include "tests/support/test_database.hpp"

namespace jiaohe::testing {

// 2026-11-27 (a Friday) 08:00 in Asia/Shanghai.
inline engine::Instant local_time(int y, unsigned m, unsigned d, int hour) {
  using namespace std::chrono;
  return engine::Instant(sys_days(year_month_day(year(y), month(m), day(d))).time_since_epoch() + hours(hour - 8));
}

struct WorkflowFixture {
  TestDatabase db;
  engine::catalog::Catalogue catalogue =
      engine::catalog::load_catalogue(source_dir() + "/tests/data/scan/catalogue.json");
  rules::RulePack pack = engine::catalog::load_rule_pack(source_dir() + "/tests/data/scan/pack.json", catalogue);
  engine::statute::StatuteProfile profile =
      engine::statute::load_statute_profile(source_dir() + "/data/statutes/zhejiang-2022.json");
  engine::calendar::WorkingCalendar calendar = engine::calendar::load_calendar(source_dir() + "/data/calendars");
  engine::ManualClock clock{local_time(2026, 11, 27, 8)};
  engine::tasks::WorkflowSetup setup{&profile, &calendar, &catalogue, engine::tasks::rule_limits(pack, profile)};
  engine::store::TaskStore store{db.url()};
  engine::tasks::FindingLoop loop{db.url(), setup};
  engine::tasks::TaskDesk desk{db.url(), setup};
  engine::disputes::DisputeDesk disputes{db.url(), setup};
  engine::scan::ScanObserver quiet;
  const std::string person = rules::ids::make_citizen_id(
      "330106", std::chrono::year_month_day(std::chrono::year(1990), std::chrono::month(3), std::chrono::day(7)), 11);
  const std::string other = rules::ids::make_citizen_id(
      "330102", std::chrono::year_month_day(std::chrono::year(1970), std::chrono::month(1), std::chrono::day(1)), 31);

  // Two registry rows (one without a name) and the aid office's copy of the first person with
  // another name: one missing-name finding and one cross-agency conflict.
  WorkflowFixture() {
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    tx.exec(testing::kSmallPlatformSchema);
    tx.exec_params("INSERT INTO platform.reg VALUES ('r1', $1, '张三', '1', '1990-03-07', '2026-11-26 12:00:00+00')", person);
    tx.exec_params("INSERT INTO platform.reg VALUES ('r2', $1, NULL, '1', '1970-01-01', '2026-11-26 12:00:00+00')", other);
    tx.exec_params("INSERT INTO platform.aid VALUES ('a1', $1, '张叁', '男', '1990-03-07', '13800138000', '2026-11-26 12:00:00+00')",
                   person);
    tx.commit();
  }

  std::int64_t scan() {
    engine::scan::ScanRequest request;
    request.now = clock.now();
    return engine::scan::Scanner(db.url(), catalogue, pack).run(request, quiet).scan_id;
  }
  // A scan followed by what the scan command does next.
  std::vector<std::int64_t> scan_and_open() { return loop.open_finding_tasks(scan(), clock.now()); }

  // A dispute about `person` filed with `agency`, naming no dataset: the plainest filing.
  engine::disputes::DisputeRequest plain_dispute(const std::string& agency = "civ") const {
    engine::disputes::DisputeRequest r;
    r.subject_id = person;
    r.agency_code = agency;
    r.description = "wrong name";
    return r;
  }
  // A dispute about `subject`'s name in the aid office's dataset (agency civ).
  engine::disputes::DisputeRequest name_dispute(const std::string& subject) const {
    engine::disputes::DisputeRequest r;
    r.subject_id = subject;
    r.dataset_id = "aid";
    r.attribute = "person.name";
    r.claimed_value = "张三";
    r.description = "my name is misspelt";
    return r;
  }

  std::string sql(const std::string& statement) { return db.query_value(statement); }
  std::int64_t task_of_rule(const std::string& rule) {
    return std::stoll(sql("SELECT max(id) FROM tasks WHERE rule_id = '" + rule + "'"));
  }
};

inline const engine::tasks::Actor kCivClerk{"clerk wang", engine::tasks::ActorRole::kAgency, "civ"};
inline const engine::tasks::Actor kRegClerk{"clerk li", engine::tasks::ActorRole::kAgency, "pol"};

}  // namespace jiaohe::testing
