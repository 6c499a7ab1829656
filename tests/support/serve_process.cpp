#include "tests/support/serve_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "tests/support/test_database.hpp"

namespace jiaohe::testing {

ServeProcess::ServeProcess(const std::string& url, const std::vector<std::string>& extra,
                           const std::vector<std::string>& environment)
    : stderr_file_(make_temp_dir("serve") + "/stderr") {
  std::vector<std::string> args = {jiaohe_binary(), "serve", "--database-url", url, "--port", "0", "--no-migrate"};
  args.insert(args.end(), extra.begin(), extra.end());
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const int err = open(stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(fds[1], STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    close(fds[0]);
    close(fds[1]);
    for (const auto& e : environment) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(err);
  close(fds[1]);
  out_ = fdopen(fds[0], "r");
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_) fclose(out_);
}

unsigned short ServeProcess::port() {
  char line[512];
  static const std::regex serving(R"(serving on http://[^:]+:(\d+)/)");
  while (fgets(line, sizeof line, out_)) {
    std::cmatch m;
    if (std::regex_search(line, m, serving)) return static_cast<unsigned short>(std::stoi(m[1].str()));
  }
  return 0;
}

int ServeProcess::terminate_and_wait() {
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int ServeProcess::wait_for_signal() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

std::string ServeProcess::errors() const {
  std::ifstream in(stderr_file_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace jiaohe::testing
