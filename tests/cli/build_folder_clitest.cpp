// make's guard against a build folder configured from another source tree
// (scripts/check-build-dir.sh), tried on scratch trees and through the Makefile itself.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/util/process.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::util::ProcessResult;
using jiaohe::engine::util::run_process;
using jiaohe::testing::source_dir;

namespace {

namespace fs = std::filesystem;

// A build folder whose cache says it was configured from `from` with `generator`.
void fake_build(const fs::path& build, const std::string& from, const std::string& generator = "Ninja") {
  fs::create_directories(build);
  std::ofstream(build / "CMakeCache.txt") << "CMAKE_HOME_DIRECTORY:INTERNAL=" << from << "\n"
                                          << "CMAKE_GENERATOR:INTERNAL=" << generator << "\n";
  std::ofstream(build / "build.ninja") << "# configured elsewhere\n";
}

ProcessResult check(const fs::path& build, const fs::path& source) {
  return run_process({"bash", source_dir() + "/scripts/check-build-dir.sh", build.string(), source.string()});
}

}  // namespace

TEST_CASE("a build folder configured from its own source tree is used as it is, silently") {
  const fs::path tree = jiaohe::testing::make_temp_dir("tree-same");
  fake_build(tree / "build", tree.string());
  const auto r = check(tree / "build", tree);
  CHECK(r.exit_code == 0);
  CHECK(r.output == "");
  CHECK(fs::exists(tree / "build" / "build.ninja"));
}

TEST_CASE("this tree's build folder configured from another tree is emptied and configured again, saying why") {
  const fs::path tree = jiaohe::testing::make_temp_dir("tree-copied");
  fake_build(tree / "build", "/work/some-other-checkout");
  const auto r = check(tree / "build", tree);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("was configured from /work/some-other-checkout, not from " + fs::canonical(tree).string()) !=
        std::string::npos);
  CHECK(r.output.find("emptied and configured again") != std::string::npos);
  CHECK_FALSE(fs::exists(tree / "build"));
  // Another generator is the same kind of mismatch.
  fake_build(tree / "build", fs::canonical(tree).string(), "Unix Makefiles");
  const auto generator = check(tree / "build", tree);
  CHECK(generator.exit_code == 0);
  CHECK(generator.output.find("with the 'Unix Makefiles' generator") != std::string::npos);
  CHECK_FALSE(fs::exists(tree / "build"));
}

TEST_CASE("a build folder outside the tree, configured from another one, is refused and kept") {
  const fs::path tree = jiaohe::testing::make_temp_dir("tree-mine");
  const fs::path other = jiaohe::testing::make_temp_dir("tree-theirs");
  fake_build(other / "build", other.string());
  const auto r = check(other / "build", tree);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("refusing to use it") != std::string::npos);
  CHECK(r.output.find("make BUILD_DIR=") != std::string::npos);
  CHECK(fs::exists(other / "build" / "build.ninja"));  // the other checkout's build is not touched
}

TEST_CASE("make stops before building with a build folder of another tree") {
  // Outside this source tree (the test's scratch folders are inside it, under build/).
  const fs::path other = fs::temp_directory_path() / ("jiaohe-make-theirs-" + std::to_string(getpid()));
  fs::remove_all(other);
  fake_build(other / "build", other.string());
  const auto r = run_process({"make", "-s", "-C", source_dir(), "configure", "BUILD_DIR=" + (other / "build").string()});
  CHECK(r.exit_code != 0);
  CHECK(r.output.find("refusing to use it") != std::string::npos);
  CHECK(fs::exists(other / "build" / "build.ninja"));
  fs::remove_all(other);
}
