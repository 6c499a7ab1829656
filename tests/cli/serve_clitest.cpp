#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>
#include <string>

#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

namespace jiaohe::testing {
namespace {

// `jiaohe serve` as a child process whose stdout we read line by line.
struct ServeProcess {
  pid_t pid = -1;
  FILE* out = nullptr;

  explicit ServeProcess(const std::string& url) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      const std::string bin = jiaohe_binary();
      execl(bin.c_str(), bin.c_str(), "serve", "--database-url", url.c_str(), "--port", "0", "--no-migrate",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    out = fdopen(fds[0], "r");
  }
  ~ServeProcess() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    if (out) fclose(out);
  }
  // The port from the "serving on http://host:PORT/" line (blocks until it is printed).
  unsigned short port() {
    char line[512];
    static const std::regex serving(R"(serving on http://[^:]+:(\d+)/)");
    while (fgets(line, sizeof line, out)) {
      std::cmatch m;
      if (std::regex_search(line, m, serving)) return static_cast<unsigned short>(std::stoi(m[1].str()));
    }
    return 0;
  }
  int terminate_and_wait() {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

TEST_CASE("serve stops on SIGTERM with exit code 0 after serving") {
  TestDatabase db;
  ServeProcess serve(db.url());
  const auto port = serve.port();
  REQUIRE(port != 0);
  CHECK(http_request(port, "GET", "/healthz").status == 200);
  CHECK(serve.terminate_and_wait() == 0);
  CHECK_THROWS(http_request(port, "GET", "/healthz"));
}

}  // namespace
}  // namespace jiaohe::testing
