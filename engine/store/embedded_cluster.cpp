#include "engine/store/embedded_cluster.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <pqxx/pqxx>

#include "engine/log/log.hpp"
#include "engine/util/process.hpp"

namespace jiaohe::engine::store {
namespace fs = std::filesystem;
namespace {

constexpr const char* kServerUser = "postgres";  // when running as root
constexpr const char* kInitializedMarker = ".initialized";

fs::path pg_bindir() {
  if (const char* env = std::getenv("JIAOHE_PG_BINDIR")) return env;
  for (int v : {17, 16, 15, 14, 13})
    if (fs::exists("/usr/lib/postgresql/" + std::to_string(v) + "/bin/pg_ctl"))
      return "/usr/lib/postgresql/" + std::to_string(v) + "/bin";
  throw ClusterError("no PostgreSQL server binaries found under /usr/lib/postgresql/*/bin; run "
                     "scripts/install-deps.sh or set JIAOHE_PG_BINDIR");
}

bool running_as_root() { return geteuid() == 0; }

// argv for a PostgreSQL server tool, run as the unprivileged user when we are root.
std::vector<std::string> as_server_user(const std::string& tool, std::vector<std::string> args) {
  std::vector<std::string> argv;
  if (running_as_root()) argv = {"runuser", "-u", kServerUser, "--"};
  argv.push_back((pg_bindir() / tool).string());
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

void hand_to_server_user(const fs::path& p) {
  if (!running_as_root()) return;
  const passwd* pw = getpwnam(kServerUser);
  if (!pw) throw ClusterError("running as root but there is no '" + std::string(kServerUser) + "' user to run PostgreSQL");
  if (chown(p.c_str(), pw->pw_uid, pw->pw_gid) != 0)
    throw ClusterError("cannot give " + p.string() + " to the postgres user");
}

util::ProcessResult run_checked(const std::vector<std::string>& argv, const std::string& what) {
  auto r = util::run_process(argv);
  if (r.exit_code != 0) throw ClusterError(what + " failed (exit " + std::to_string(r.exit_code) + "): " + r.output);
  return r;
}

}  // namespace

EmbeddedCluster::EmbeddedCluster(fs::path dir) : dir_(fs::absolute(std::move(dir)).lexically_normal()) {}

EmbeddedCluster::~EmbeddedCluster() {
  if (!started_) return;
  try {
    stop();
  } catch (const std::exception& e) {
    log::warn("cluster.stop_failed", {{"dir", dir_.string()}, {"error", e.what()}});
  }
}

std::string EmbeddedCluster::url(const std::string& database) const {
  return "postgresql://" + std::string(running_as_root() ? kServerUser : "") + "@/" + database +
         "?host=" + (dir_ / "run").string() + "&port=5432";
}

bool EmbeddedCluster::is_running() const {
  if (!fs::exists(dir_ / "pgdata" / "PG_VERSION")) return false;
  return util::run_process(as_server_user("pg_ctl", {"status", "-D", (dir_ / "pgdata").string()})).exit_code == 0;
}

void EmbeddedCluster::ensure_running(const std::string& database) {
  const fs::path pgdata = dir_ / "pgdata";
  const fs::path run = dir_ / "run";
  fs::create_directories(dir_);
  fs::create_directories(run);
  hand_to_server_user(dir_);
  hand_to_server_user(run);
  if (!fs::exists(dir_ / kInitializedMarker)) {
    // A cluster without the marker is what an interrupted first run leaves: start over.
    if (fs::exists(pgdata)) fs::remove_all(pgdata);
    log::info("cluster.init", {{"dir", dir_.string()}});
    std::vector<std::string> args = {"-D", pgdata.string(), "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
                                     "--no-sync"};
    if (running_as_root()) args.insert(args.end(), {"-U", kServerUser});
    auto r = util::run_process(as_server_user("initdb", args));
    if (r.exit_code != 0) {
      std::string hint;
      if (r.output.find("ermission denied") != std::string::npos)
        hint = " (the postgres user must be able to enter every folder above " + dir_.string() + ")";
      throw ClusterError("initdb in " + pgdata.string() + " failed" + hint + ": " + r.output);
    }
    std::ofstream(dir_ / kInitializedMarker) << "initdb done\n";
  }
  if (!is_running()) {
    const std::string options = "-k " + run.string() + " -c listen_addresses='' -p 5432 -c fsync=on";
    run_checked(as_server_user("pg_ctl", {"start", "-w", "-t", "60", "-D", pgdata.string(), "-l",
                                          (dir_ / "postgres.log").string(), "-o", options}),
                "starting PostgreSQL in " + pgdata.string() + " (see " + (dir_ / "postgres.log").string() + ")");
    started_ = true;
    log::info("cluster.started", {{"dir", dir_.string()}});
  }
  pqxx::connection admin(url("postgres"));
  pqxx::nontransaction tx(admin);
  if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", database).empty())
    tx.exec("CREATE DATABASE " + tx.quote_name(database));
}

void EmbeddedCluster::stop() {
  if (is_running())
    run_checked(as_server_user("pg_ctl", {"stop", "-w", "-m", "fast", "-D", (dir_ / "pgdata").string()}),
                "stopping PostgreSQL in " + dir_.string());
  started_ = false;
}

void EmbeddedCluster::keep_running() { started_ = false; }

}  // namespace jiaohe::engine::store
