#pragma once
// jiaohe(1) in roff, written from the command table, the global options and the configuration
// keys, so that the man page says what --help says. The build installs it as
// share/man/man1/jiaohe.1.gz (`jiaohe help --man`).
#include <string>

namespace jiaohe::cli {

std::string man_page();

}  // namespace jiaohe::cli
