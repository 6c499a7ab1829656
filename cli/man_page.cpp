#include "cli/man_page.hpp"

#include <sstream>

#include "cli/build_info.hpp"
#include "cli/command.hpp"
#include "engine/config/config.hpp"

namespace jiaohe::cli {
namespace {

// Text safe in roff: backslashes doubled as \e, hyphens as \-, and a line that would start
// with a control character ('.' or '\'') protected by \&.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// Help text is wrapped for a terminal; man wraps itself, so lines of a paragraph are joined.
std::string paragraph(const std::string& text) {
  std::string joined;
  for (char c : text) joined += c == '\n' ? ' ' : c;
  return roff(joined);
}

void flag_item(std::ostringstream& out, const Flag& f) {
  out << ".TP\n\\fB\\-\\-" << roff(f.name) << "\\fR";
  if (!f.value_name.empty()) out << " \\fI" << roff(f.value_name) << "\\fR";
  out << "\n" << paragraph(f.help) << "\n";
}

}  // namespace

std::string man_page() {
  std::ostringstream out;
  out << ".TH JIAOHE 1 \"\" \"jiaohe " << build_info().release << "\" \"User Commands\"\n"
      << ".SH NAME\njiaohe \\- data\\-quality checks and the statutory correction workflow of a public\\-data "
         "platform\n"
      << ".SH SYNOPSIS\n.B jiaohe\n[\\fB\\-\\-config\\fR \\fIFILE\\fR] \\fIcommand\\fR [\\fIoptions\\fR]\n.br\n"
      << ".B jiaohe\n\\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR\n"
      << ".SH DESCRIPTION\n"
      << paragraph("Jiaohe checks the data that agencies collect into a public-data platform for quality "
                   "defects and runs the correction workflow of the Zhejiang Public Data Regulation "
                   "(Art. 19, 20, 44, 47), with deadlines counted in working days in Asia/Shanghai. "
                   "Installed as a package it runs as the systemd service jiaohe.service (jiaohe serve).")
      << "\n.SH GLOBAL OPTIONS\n";
  for (const auto& f : global_flags()) flag_item(out, f);
  out << ".SH COMMANDS\n";
  for (const auto& c : command_table()) {
    out << ".SS \"" << roff(c.name) << (c.synopsis.empty() ? "" : " " + roff(c.synopsis)) << "\"\n"
        << paragraph(c.summary) << ".\n";
    if (!c.description.empty()) out << ".PP\n" << paragraph(c.description) << "\n";
    for (const auto& f : c.flags) flag_item(out, f);
  }
  out << ".SH CONFIGURATION\n"
      << paragraph("One JSON file (comments allowed), given by --config; an installed jiaohe reads "
                   "/etc/jiaohe/config.json when no --config is given and the file exists. Environment "
                   "variables override the file. 'jiaohe config' shows what is in effect and where each "
                   "value comes from; 'jiaohe config --example' prints a commented file of every key.")
      << "\n";
  for (const auto& k : engine::config_keys())
    out << ".TP\n\\fB" << roff(k.path) << "\\fR (\\fB" << roff(k.env) << "\\fR)\n" << paragraph(k.help) << "\n";
  out << ".SH FILES\n"
      << ".TP\n/etc/jiaohe/config.json\nthe service's configuration (kept on upgrade)\n"
      << ".TP\n/usr/share/jiaohe\ncalendars, statute profiles, rule packs and demo data (the default data_dir)\n"
      << ".TP\n/var/lib/jiaohe\nthe service's home: state and the embedded PostgreSQL when no database.url is set\n"
      << ".TP\n/lib/systemd/system/jiaohe.service\nthe systemd unit\n"
      << ".SH EXIT STATUS\n"
      << "0 on success, 1 when a command failed, 2 for a usage or configuration mistake "
         "(the message names it), 3 from \\fBcluster status\\fR when the cluster is stopped.\n"
      << ".SH SEE ALSO\n\\fBsystemctl\\fR(1), \\fBjournalctl\\fR(1), \\fBpsql\\fR(1)\n";
  return out.str();
}

}  // namespace jiaohe::cli
