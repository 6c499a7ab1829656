// Three `jiaohe worker` processes share one scan of a 200,000-person province; one is killed
// with SIGKILL while it holds a unit. Its unit is taken over once the lease runs out, every unit
// is merged once, and the findings equal, fingerprint by fingerprint, those a scan by a single
// process finds in the same data.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::run_process;
using jiaohe::testing::jiaohe_binary;

namespace {

// A jiaohe command as a child process, its output in a file; killed when it goes away.
class Child {
 public:
  explicit Child(std::vector<std::string> args) {
    const std::string log = jiaohe::testing::make_temp_dir("worker") + "/output";
    args.insert(args.begin(), jiaohe_binary());
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(out, STDOUT_FILENO);
      dup2(out, STDERR_FILENO);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  void signal(int sig) const { kill(pid_, sig); }
  // Waits for the end: the exit code, or -1 when a signal ended it.
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

// Polls `condition` (a SQL boolean) until it holds; false after `limit`. The scan runs in other
// processes: its state in the database is the only thing to synchronise on.
bool eventually(const jiaohe::testing::TestDatabase& db, const std::string& condition, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (db.query_value("SELECT (" + condition + ")::text") == "true") return true;
    usleep(20000);
  }
  return false;
}

}  // namespace

TEST_CASE("three workers, one killed mid-unit: the unit is taken over, merged once, and the findings are a single process's") {
  jiaohe::testing::TestDatabase db;
  const auto generated = run_process({jiaohe_binary(), "generate", "--subjects", "200000", "--defect-rate", "0.01",
                                      "--seed", "7", "--database-url", db.url()});
  REQUIRE_MESSAGE(generated.exit_code == 0, generated.output);
  const std::vector<std::string> worker = {"worker", "--database-url", db.url(), "--lease-seconds", "3"};

  // The first worker alone: it claims the units one by one from the scan's start.
  Child doomed(worker);
  Child coordinator({"scan", "--full", "--workers", "0", "--lease-seconds", "3", "--database-url", db.url()});
  // Caught holding a unit: stopped, so that it cannot stage it, checked, then killed.
  const std::string doomed_holder = "'%:" + std::to_string(doomed.pid()) + ":%'";
  const std::string held =
      "EXISTS (SELECT 1 FROM scan_units WHERE status = 'running' AND holder LIKE " + doomed_holder + ")";
  bool killed = false;
  while (!killed && eventually(db, held, std::chrono::seconds(120))) {
    doomed.signal(SIGSTOP);
    if (db.query_value("SELECT " + held + "::text") == "true") {
      doomed.signal(SIGKILL);
      killed = true;
    } else {
      doomed.signal(SIGCONT);  // it staged the unit meanwhile: catch it at the next
    }
  }
  REQUIRE(killed);
  CHECK(doomed.wait() == -1);
  const std::string victim = db.query_value(
      "SELECT unit_no FROM scan_units WHERE status = 'running' AND holder LIKE " + doomed_holder);
  REQUIRE(!victim.empty());

  Child second(worker), third(worker);
  CHECK(coordinator.wait() == 0);
  const std::string scan = db.query_value("SELECT max(id) FROM scans");
  CHECK(db.query_value("SELECT status FROM scans WHERE id = " + scan) == "succeeded");
  // Every unit merged, once; the killed one on its second claim, by a survivor.
  CHECK(db.query_value("SELECT count(*) FILTER (WHERE status <> 'merged') FROM scan_units WHERE scan_id = " + scan) ==
        "0");
  CHECK(db.query_value("SELECT count(*) FROM scan_units WHERE scan_id = " + scan) ==
        db.query_value("SELECT count(DISTINCT dataset_id) FROM scan_units WHERE scan_id = " + scan));
  CHECK(db.query_value("SELECT attempts FROM scan_units WHERE scan_id = " + scan + " AND unit_no = " + victim) == "2");
  CHECK(db.query_value("SELECT holder NOT LIKE " + doomed_holder + " FROM scan_units WHERE scan_id = " + scan +
                       " AND unit_no = " + victim) == "t");
  CHECK(db.query_value("SELECT count(*) FROM unit_findings") == "0");
  second.signal(SIGTERM);
  third.signal(SIGTERM);
  CHECK(second.wait() == 0);
  CHECK(third.wait() == 0);

  // A single process scans the same data: it finds every finding again and nothing else.
  const std::string findings =
      "SELECT md5(string_agg(fingerprint || ' ' || evidence::text, E'\\n' ORDER BY fingerprint)) || ' ' || count(*) "
      "FROM findings WHERE status = 'open'";
  const auto shared = db.query_value(findings);
  const auto single = run_process({jiaohe_binary(), "scan", "--full", "--database-url", db.url()});
  REQUIRE_MESSAGE(single.exit_code == 0, single.output);
  CHECK(single.output.find(" 0 new, ") != std::string::npos);
  CHECK(single.output.find(" 0 resolved") != std::string::npos);
  CHECK(db.query_value(findings) == shared);
  CHECK(db.query_value("SELECT count(*) > 1000 FROM findings") == "t");
}
