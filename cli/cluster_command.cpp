#include <iostream>

#include "cli/commands.hpp"
#include "engine/config/config.hpp"
#include "engine/store/embedded_cluster.hpp"

namespace jiaohe::cli {
namespace {

int run(const Command&, const ParsedArgs& args, const engine::Config& config) {
  if (args.positionals.size() != 1) throw UsageError("cluster needs one action: start, stop, status or url");
  const std::string action = args.positionals[0];
  const std::string database = args.value("database").value_or("jiaohe");
  engine::store::EmbeddedCluster cluster(args.value("dir").value_or(config.home + "/postgres"));
  if (action == "start") {
    cluster.ensure_running(database);
    cluster.keep_running();
    std::cout << cluster.url(database) << "\n";
  } else if (action == "stop") {
    cluster.stop();
  } else if (action == "status") {
    const bool running = cluster.is_running();
    std::cout << (running ? "running" : "stopped") << " " << cluster.dir().string() << "\n";
    return running ? 0 : 3;
  } else if (action == "url") {
    std::cout << cluster.url(database) << "\n";
  } else {
    throw UsageError("unknown action '" + action + "': use start, stop, status or url");
  }
  return 0;
}

}  // namespace

Command cluster_command() {
  return {"cluster",
          "start, stop or inspect a private PostgreSQL cluster",
          "start|stop|status|url",
          "Manages the private PostgreSQL cluster that jiaohe uses when no database URL is\n"
          "configured (under <home>/postgres), or any other folder given by --dir (the test\n"
          "harness uses this for its throwaway cluster). The server listens on a unix socket in\n"
          "the folder only. As root, the server runs as the 'postgres' user. 'start' leaves it\n"
          "running and prints its URL; status exits 0 when running, 3 when stopped.",
          {{"dir", "DIR", "cluster folder (default <home>/postgres)"},
           {"database", "NAME", "database to create on start / name in the URL (default jiaohe)"}},
          run};
}

}  // namespace jiaohe::cli
