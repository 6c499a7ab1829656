// bench_gen_ids N [SEED]: N identifiers, one per line, for bench/validate_id.sh. A fixed mix
// like a real column: mostly valid citizen IDs, some credit codes, and messy or broken values
// (lower case, full width, spaces, single-character typos, wrong lengths).
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "rules/ids/credit_code.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe::rules::ids;

namespace {

// A random digit changed: nearly always caught by the check character.
std::string typo(std::string s, std::mt19937_64& rng) {
  const std::size_t at = rng() % 17;
  s[at] = static_cast<char>('0' + (s[at] - '0' + 1 + static_cast<int>(rng() % 9)) % 10);
  return s;
}

std::string full_width(const std::string& s) {
  std::string out;
  for (char c : s) {
    // U+FF10 + (c - '0') in UTF-8: EF BC 90+
    const unsigned cp = 0xFF01 + static_cast<unsigned>(c - 0x21);
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const long n = argc > 1 ? std::atol(argv[1]) : 2000000;
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 42;
  using namespace std::chrono;
  IdGenerator gen(seed, year{2024} / June / 1);
  std::mt19937_64 rng(seed + 1);
  std::string out;
  out.reserve(1 << 20);
  for (long i = 0; i < n; ++i) {
    const unsigned pick = static_cast<unsigned>(rng() % 100);
    std::string line;
    if (pick < 70) {
      line = gen.citizen_id();
    } else if (pick < 85) {
      line = gen.credit_code();
    } else if (pick < 92) {
      line = typo(gen.citizen_id(), rng);
    } else if (pick < 95) {
      line = " " + full_width(gen.citizen_id()) + " ";
    } else if (pick < 98) {
      line = gen.citizen_id().substr(0, 17);
    } else {
      line = gen.credit_code();
      for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out += line;
    out.push_back('\n');
    if (out.size() >= (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
