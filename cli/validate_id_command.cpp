// jiaohe validate-id: checks citizen ID numbers and credit codes, one tab-separated line each.
// Built for millions of lines: stdin is read in large blocks and output written in large
// blocks, with no allocation per line.
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cli/commands.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/clock.hpp"
#include "rules/ids/identifier_check.hpp"

namespace jiaohe::cli {
namespace {

constexpr std::size_t kBlock = 1 << 20;

// Output collected in one buffer and written with write(2) when it fills.
class BufferedWriter {
 public:
  explicit BufferedWriter(int fd) : fd_(fd) { buffer_.reserve(kBlock + 4096); }
  ~BufferedWriter() { flush(); }
  BufferedWriter(const BufferedWriter&) = delete;
  BufferedWriter& operator=(const BufferedWriter&) = delete;

  void append(std::string_view s) { buffer_.append(s); }
  void push(char c) { buffer_.push_back(c); }
  void maybe_flush() {
    if (buffer_.size() >= kBlock) flush();
  }
  void flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        buffer_.clear();  // a closed pipe (e.g. `| head`) is not worth a crash
        return;
      }
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  int fd_;
  std::string buffer_;
};

// Prints `input <TAB> kind <TAB> valid|invalid <TAB> value-or-reason`; returns validity.
struct Checking {
  rules::ids::CitizenIdOptions options;
  rules::ids::ExpectedKind kind;
};

bool check_one(std::string_view line, const Checking& checking, BufferedWriter& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const rules::ids::IdentifierCheck r = rules::ids::check_identifier(line, checking.options, checking.kind);
  // The input is echoed without tabs so that each line keeps four fields.
  if (line.find('\t') == std::string_view::npos) {
    out.append(line);
  } else {
    for (char c : line) out.push(c == '\t' ? ' ' : c);
  }
  out.push('\t');
  out.append(rules::ids::kind_code(r.kind));
  out.append(r.valid ? "\tvalid\t" : "\tinvalid\t");
  out.append(r.valid ? r.value() : r.reason_code);
  out.push('\n');
  out.maybe_flush();
  return r.valid;
}

// Every line of stdin; the last one may lack its newline.
bool check_stdin(const Checking& options, BufferedWriter& out) {
  bool all_valid = true;
  std::string block(kBlock, '\0');
  std::string carry;  // a line cut by the end of a block
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, block.data(), block.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("cannot read stdin: ") + std::strerror(errno));
    }
    if (n == 0) break;
    std::string_view data(block.data(), static_cast<std::size_t>(n));
    std::size_t newline;
    while ((newline = data.find('\n')) != std::string_view::npos) {
      if (carry.empty()) {
        all_valid &= check_one(data.substr(0, newline), options, out);
      } else {
        carry.append(data.substr(0, newline));
        all_valid &= check_one(carry, options, out);
        carry.clear();
      }
      data.remove_prefix(newline + 1);
    }
    carry.append(data);
  }
  if (!carry.empty()) all_valid &= check_one(carry, options, out);
  return all_valid;
}

int run(const Command&, const ParsedArgs& args, const engine::Config&) {
  const std::string kind = args.value("kind").value_or("auto");
  rules::ids::ExpectedKind expected = rules::ids::ExpectedKind::kAuto;
  if (kind == "ric") {
    expected = rules::ids::ExpectedKind::kCitizenId;
  } else if (kind == "uscc") {
    expected = rules::ids::ExpectedKind::kCreditCode;
  } else if (kind != "auto") {
    throw UsageError("--kind must be ric, uscc or auto, got '" + kind + "'");
  }
  const Checking options{{engine::calendar::local_date_of(engine::SystemClock().now()), args.has("legacy-15")},
                         expected};
  BufferedWriter out(STDOUT_FILENO);
  bool all_valid = true;
  if (args.positionals.empty()) {
    all_valid = check_stdin(options, out);
  } else {
    for (const std::string& value : args.positionals) all_valid &= check_one(value, options, out);
  }
  out.flush();
  return all_valid ? 0 : 1;
}

}  // namespace

Command validate_id_command() {
  return {"validate-id",
          "check citizen ID numbers and unified social credit codes",
          "[VALUE...]",
          "Checks each VALUE, or each line of stdin when no VALUE is given, and prints one line per\n"
          "value: the input, its kind (ric: citizen identity number, GB 11643; uscc: unified social\n"
          "credit code, GB 32100; unknown), valid or invalid, and the normalised value or the reason\n"
          "code (length, character, region, birth_date_invalid, birth_date_future,\n"
          "birth_date_before_1900, legacy_form, authority_type, organisation_code_check,\n"
          "check_character, shape), separated by tabs. With --kind auto (the default) an all-digit\n"
          "18-character value is a citizen ID unless it is a valid credit code (plausible authority,\n"
          "type and region). Full-width characters, lower case and\n"
          "surrounding spaces are normalised. Birth dates are checked against today in\n"
          "Asia/Shanghai. Exit status 0 when every value is valid, 1 otherwise.\n"
          "See docs/IDENTIFIERS.md.",
          {{"legacy-15", "", "accept 15-digit citizen ID numbers and upgrade them to 18 digits"},
           {"kind", "ric|uscc|auto", "check every value as this kind (default auto: decided by shape)"}},
          run};
}

}  // namespace jiaohe::cli
