#include "rules/ids/id_generator.hpp"

#include <array>

#include "rules/ids/citizen_id.hpp"
#include "rules/ids/credit_code.hpp"
#include "rules/ids/province_codes.hpp"

namespace jiaohe::rules::ids {

namespace {

void append_digits(std::string& out, int value, int width) {
  std::array<char, 10> buf{};
  for (int i = width - 1; i >= 0; --i) {
    buf[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf.data(), static_cast<std::size_t>(width));
}

// Authority/type pairs the generator draws from (all allowed by GB 32100).
constexpr std::array<std::string_view, 8> kGeneratedKinds = {"91", "92", "93", "11", "12", "51", "52", "Y1"};

}  // namespace

std::string make_citizen_id(std::string_view region6, std::chrono::year_month_day birth, int sequence) {
  std::string id;
  id.reserve(18);
  id.append(region6.substr(0, 6));
  append_digits(id, static_cast<int>(birth.year()), 4);
  append_digits(id, static_cast<int>(static_cast<unsigned>(birth.month())), 2);
  append_digits(id, static_cast<int>(static_cast<unsigned>(birth.day())), 2);
  append_digits(id, sequence, 3);
  id.push_back(citizen_id_check_character(id));
  return id;
}

std::string make_credit_code(char authority, char type, std::string_view region6, std::string_view body8) {
  std::string code;
  code.reserve(18);
  code.push_back(authority);
  code.push_back(type);
  code.append(region6.substr(0, 6));
  code.append(body8.substr(0, 8));
  code.push_back(organisation_code_check_character(body8));
  code.push_back(credit_code_check_character(code));
  return code;
}

IdGenerator::IdGenerator(std::uint64_t seed, std::chrono::year_month_day today) : rng_(seed), today_(today) {}

int IdGenerator::uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

std::string IdGenerator::region() {
  int province = 0;
  do province = uniform(11, 82);
  while (!is_province_code(province));
  std::string r;
  append_digits(r, province, 2);
  append_digits(r, uniform(0, 9999), 4);
  return r;
}

std::chrono::year_month_day IdGenerator::birth_date() {
  using namespace std::chrono;
  const int first = sys_days{year{1900} / January / 1}.time_since_epoch().count();
  const int last = sys_days{today_}.time_since_epoch().count();
  return year_month_day{sys_days{days{uniform(first, last)}}};
}

std::string IdGenerator::citizen_id() { return make_citizen_id(region(), birth_date(), uniform(0, 999)); }

std::string IdGenerator::credit_code() {
  const std::string_view kind = kGeneratedKinds[static_cast<std::size_t>(uniform(0, kGeneratedKinds.size() - 1))];
  std::string body;
  for (int i = 0; i < 8; ++i)
    body.push_back(kCreditCodeAlphabet[static_cast<std::size_t>(uniform(0, kCreditCodeAlphabet.size() - 1))]);
  return make_credit_code(kind[0], kind[1], region(), body);
}

}  // namespace jiaohe::rules::ids
