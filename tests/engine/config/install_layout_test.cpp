#include <doctest/doctest.h>

#include <filesystem>

#include "engine/config/install_layout.hpp"
#include "tests/support/test_database.hpp"

using jiaohe::engine::InstallLayout;
using jiaohe::engine::layout_for_executable;
namespace fs = std::filesystem;

TEST_CASE("a binary in its build folder uses the source tree's data and no default config file") {
  const fs::path root = jiaohe::testing::make_temp_dir("layout-build");
  fs::create_directories(root / "src" / "data");
  fs::create_directories(root / "src" / "build" / "cli");
  const auto layout = layout_for_executable(root / "src/build/cli/jiaohe", root / "src/build", root / "src");
  CHECK(layout.kind == InstallLayout::Kind::kBuildTree);
  CHECK(layout.data_dir == fs::canonical(root / "src" / "data"));
  CHECK(layout.default_config_file.empty());
  CHECK(layout.describe() == "the source tree of this build");
}

TEST_CASE("an installed binary uses <prefix>/share/jiaohe and the /etc beside the /usr prefix") {
  const fs::path root = jiaohe::testing::make_temp_dir("layout-installed");
  fs::create_directories(root / "usr/bin");
  fs::create_directories(root / "usr/share/jiaohe");
  // Unpacked under a scratch root inside the build folder: the share folder decides, not the place.
  const auto layout = layout_for_executable(root / "usr/bin/jiaohe", root, "/nonexistent/source");
  CHECK(layout.kind == InstallLayout::Kind::kInstalled);
  CHECK(layout.data_dir == fs::canonical(root / "usr/share/jiaohe"));
  CHECK(layout.default_config_file == fs::canonical(root) / "etc/jiaohe/config.json");
  CHECK(layout.describe() == "the installed share folder");
  // /usr itself: /etc/jiaohe.
  CHECK(layout_for_executable("/usr/bin/jiaohe", "/build", "/src").default_config_file == "/etc/jiaohe/config.json");
}

TEST_CASE("another prefix keeps its configuration under <prefix>/etc") {
  const auto layout = layout_for_executable("/opt/jiaohe/bin/jiaohe", "/build", "/src");
  CHECK(layout.kind == InstallLayout::Kind::kInstalled);
  CHECK(layout.data_dir == "/opt/jiaohe/share/jiaohe");
  CHECK(layout.default_config_file == "/opt/jiaohe/etc/jiaohe/config.json");
}

TEST_CASE("a binary copied out of its build folder does not fall back to some source checkout") {
  // No share folder beside it: it reports that folder (missing) instead of the source tree.
  const auto layout = layout_for_executable("/home/op/bin/jiaohe", "/work/main/build", "/work/main");
  CHECK(layout.kind == InstallLayout::Kind::kInstalled);
  CHECK(layout.data_dir == "/home/op/share/jiaohe");
}
