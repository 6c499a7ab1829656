#pragma once
// Where a jiaohe binary finds its data folder and its default configuration file, decided from
// where the binary itself lives, so that one build works both from its build folder and once
// installed (by the .deb or `cmake --install`):
//   - <prefix>/bin/jiaohe with <prefix>/share/jiaohe present: installed. Data is
//     <prefix>/share/jiaohe; the default config file is /etc/jiaohe/config.json for the /usr
//     prefix (and <root>/etc/... for a package unpacked under <root>/usr), else
//     <prefix>/etc/jiaohe/config.json.
//   - a binary inside the build folder it was built in: the source tree's data/, no default
//     config file (a developer's build must not pick up a service's /etc file).
//   - anything else: treated as installed, so a missing share folder is reported by name
//     instead of silently using some source checkout.
#include <filesystem>
#include <string>

namespace jiaohe::engine {

struct InstallLayout {
  enum class Kind { kInstalled, kBuildTree };
  Kind kind = Kind::kBuildTree;
  std::filesystem::path data_dir;
  std::filesystem::path default_config_file;  // empty: none; read only when it exists
  // "the installed share folder" or "the source tree of this build", for reports.
  std::string describe() const;
};

// The layout of a binary at `executable` that was built in `build_dir` from `source_dir`.
InstallLayout layout_for_executable(const std::filesystem::path& executable, const std::filesystem::path& build_dir,
                                    const std::filesystem::path& source_dir);

// The layout of the running process (from /proc/self/exe and the folders compiled in).
const InstallLayout& this_process_layout();

}  // namespace jiaohe::engine
