#include <sstream>

#include "cli/command.hpp"
#include "engine/config/config.hpp"

namespace jiaohe::cli {
namespace {

std::string padded(const std::string& left, std::size_t width) {
  return left + std::string(left.size() < width ? width - left.size() : 1, ' ');
}

std::string flag_left(const Flag& f) { return "--" + f.name + (f.value_name.empty() ? "" : " " + f.value_name); }

void list_commands(std::ostringstream& out) {
  out << "Commands:\n";
  for (const auto& c : command_table()) out << "  " << padded(c.name, 14) << c.summary << "\n";
}

}  // namespace

std::string usage_line(const std::string& command, const std::string& mistake) {
  const std::string who = command.empty() ? "jiaohe" : "jiaohe " + command;
  return who + ": " + mistake + "; see '" + who + " --help'\n";
}

std::string command_list() {
  std::ostringstream out;
  out << "Usage: jiaohe [--config FILE] <command> [options]\n\n";
  list_commands(out);
  out << "\nRun 'jiaohe --help' for the global options and configuration keys, 'jiaohe <command> --help'\n"
         "for a command's options.\n";
  return out.str();
}

std::string program_help() {
  std::ostringstream out;
  out << "Usage: jiaohe [--config FILE] <command> [options]\n"
         "       jiaohe --version | --help\n\n"
         "Jiaohe (校核) checks public data for quality defects and runs the statutory correction\n"
         "workflow (Zhejiang Public Data Regulation, Art. 19, 20, 44, 47).\n\n";
  list_commands(out);
  out << "\nGlobal options (before the command):\n";
  for (const auto& f : global_flags()) out << "  " << padded(flag_left(f), 26) << f.help << "\n";
  out << "\nConfiguration (JSON file given by --config; environment variables override it):\n";
  for (const auto& k : engine::config_keys())
    out << "  " << k.path << " / " << k.env << "\n      " << k.help << "\n";
  out << "\nRun 'jiaohe <command> --help' for a command's options, 'jiaohe config' for the\n"
         "configuration in effect.\n";
  return out.str();
}

std::string command_help(const Command& cmd) {
  std::ostringstream out;
  out << "Usage: jiaohe " << cmd.name << (cmd.flags.empty() ? "" : " [options]")
      << (cmd.synopsis.empty() ? "" : " " + cmd.synopsis) << "\n\n"
      << cmd.summary << "\n";
  if (!cmd.description.empty()) out << "\n" << cmd.description << "\n";
  out << "\nOptions:\n";
  for (const auto& f : cmd.flags) out << "  " << padded(flag_left(f), 26) << f.help << "\n";
  out << "  " << padded("--help", 26) << "show this help\n";
  return out.str();
}

}  // namespace jiaohe::cli
