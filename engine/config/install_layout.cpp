#include "engine/config/install_layout.hpp"

#include <system_error>

namespace jiaohe::engine {
namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : out;
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  const auto rel = normal(path).lexically_relative(normal(folder));
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::string InstallLayout::describe() const {
  return kind == Kind::kInstalled ? "the installed share folder" : "the source tree of this build";
}

InstallLayout layout_for_executable(const fs::path& executable, const fs::path& build_dir,
                                    const fs::path& source_dir) {
  const fs::path exe = normal(executable);
  const fs::path prefix = exe.parent_path().parent_path();
  const fs::path share = prefix / "share" / "jiaohe";
  std::error_code ec;
  InstallLayout layout;
  if (!fs::is_directory(share, ec) && is_inside(exe, build_dir)) {
    layout.kind = InstallLayout::Kind::kBuildTree;
    layout.data_dir = normal(source_dir / "data");
    return layout;
  }
  layout.kind = InstallLayout::Kind::kInstalled;
  layout.data_dir = share;
  // GNU convention: the /usr prefix keeps its configuration in /etc, other prefixes in <prefix>/etc.
  const fs::path etc = prefix.filename() == "usr" ? prefix.parent_path() / "etc" : prefix / "etc";
  layout.default_config_file = etc / "jiaohe" / "config.json";
  return layout;
}

const InstallLayout& this_process_layout() {
  static const InstallLayout layout = [] {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return layout_for_executable(ec ? fs::path(JIAOHE_BUILD_DIR) / "cli" / "jiaohe" : exe, JIAOHE_BUILD_DIR,
                                 JIAOHE_SOURCE_DIR);
  }();
  return layout;
}

}  // namespace jiaohe::engine
