#include "cli/bash_completion.hpp"

#include <sstream>

namespace jiaohe::cli {
namespace {

bool is_action_word(const std::string& w) {
  return !w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> option_words(const std::vector<Flag>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) out.push_back("--" + f.name);
  return out;
}

// The `case "$prev"` arms for the options of `flags` that take a value.
void value_cases(std::ostringstream& out, const std::vector<Flag>& flags, const std::string& indent) {
  std::vector<std::string> files, dirs, others;
  for (const auto& f : flags) {
    if (f.value_name.empty()) continue;
    (f.value_name == "FILE" ? files : f.value_name == "DIR" ? dirs : others).push_back("--" + f.name);
  }
  const auto arm = [&](const std::vector<std::string>& names, const std::string& body) {
    if (names.empty()) return;
    std::string pattern;
    for (const auto& n : names) pattern += (pattern.empty() ? "" : "|") + n;
    out << indent << pattern << ") " << body << "; return ;;\n";
  };
  arm(files, "COMPREPLY=($(compgen -f -- \"$cur\"))");
  arm(dirs, "COMPREPLY=($(compgen -d -- \"$cur\"))");
  arm(others, "COMPREPLY=()");  // a value only the user knows (a URL, a number, an instant)
}

}  // namespace

std::vector<std::string> synopsis_actions(const std::string& synopsis) {
  std::vector<std::string> out;
  std::stringstream alternatives(synopsis);
  std::string alternative;
  while (std::getline(alternatives, alternative, '|')) {
    std::stringstream words(alternative);
    std::string first;
    words >> first;
    if (is_action_word(first)) out.push_back(first);
  }
  return out;
}

std::string bash_completion() {
  std::ostringstream out;
  out << "# bash completion for jiaohe, generated from its command table (jiaohe completion bash).\n"
         "_jiaohe() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "  local commands=\"" << joined(command_names()) << "\"\n"
         "  local globals=\"" << joined(option_words(global_flags())) << "\"\n"
         "  local i cmd=\"\"\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case ${COMP_WORDS[i]} in\n"
         "      --config) ((i++)) ;;\n"
         "      -*) ;;\n"
         "      *) cmd=${COMP_WORDS[i]}; break ;;\n"
         "    esac\n"
         "  done\n"
         "  if [[ -z $cmd ]]; then\n"
         "    case $prev in\n";
  value_cases(out, global_flags(), "      ");
  out << "    esac\n"
         "    COMPREPLY=($(compgen -W \"$globals $commands\" -- \"$cur\"))\n"
         "    return\n"
         "  fi\n"
         "  case $cmd in\n";
  for (const auto& c : command_table()) {
    auto words = option_words(c.flags);
    words.push_back("--help");
    auto actions = synopsis_actions(c.synopsis);
    if (c.name == "help") actions = command_names();  // `jiaohe help scan`
    out << "    " << c.name << ")\n"
        << "      case $prev in\n";
    value_cases(out, c.flags, "        ");
    out << "      esac\n"
        << "      local options=\"" << joined(words) << "\"\n";
    if (!actions.empty())
      out << "      if [[ $cur != -* ]]; then COMPREPLY=($(compgen -W \"" << joined(actions)
          << "\" -- \"$cur\")); return; fi\n";
    out << "      COMPREPLY=($(compgen -W \"$options\" -- \"$cur\")) ;;\n";
  }
  out << "  esac\n"
         "}\n"
         "complete -F _jiaohe jiaohe\n";
  return out.str();
}

}  // namespace jiaohe::cli
