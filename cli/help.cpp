#include <sstream>

#include "cli/command.hpp"
#include "engine/config/config.hpp"

namespace jiaohe::cli {

std::string program_help() {
  std::ostringstream out;
  out << "Usage: jiaohe [--config FILE] <command> [options]\n\n"
         "Jiaohe (校核) checks public data for quality defects and runs the statutory correction\n"
         "workflow (Zhejiang Public Data Regulation, Art. 19, 20, 44, 47).\n\nCommands:\n";
  for (const auto& c : command_table()) {
    out << "  " << c.name << std::string(c.name.size() < 14 ? 14 - c.name.size() : 1, ' ') << c.summary << "\n";
  }
  out << "\nConfiguration (JSON file given by --config; environment variables override it):\n";
  for (const auto& k : engine::config_keys())
    out << "  " << k.path << " / " << k.env << "\n      " << k.help << "\n";
  out << "\nRun 'jiaohe <command> --help' for a command's options.\n";
  return out.str();
}

std::string command_help(const Command& cmd) {
  std::ostringstream out;
  out << "Usage: jiaohe " << cmd.name << (cmd.flags.empty() ? "" : " [options]")
      << (cmd.synopsis.empty() ? "" : " " + cmd.synopsis) << "\n\n"
      << cmd.summary << "\n";
  if (!cmd.description.empty()) out << "\n" << cmd.description << "\n";
  if (!cmd.flags.empty()) {
    out << "\nOptions:\n";
    for (const auto& f : cmd.flags) {
      std::string left = "--" + f.name + (f.value_name.empty() ? "" : " " + f.value_name);
      out << "  " << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << f.help << "\n";
    }
  }
  out << "  --help" << std::string(20, ' ') << "show this help\n";
  return out.str();
}

}  // namespace jiaohe::cli
