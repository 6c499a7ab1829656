#pragma once
// Word lists that make the demo province look like Zhejiang: regions with their city and
// district names, Chinese surnames and given-name characters, company name parts.
#include <span>
#include <string_view>

namespace jiaohe::engine::demo {

struct Region {
  std::string_view code;      // six-digit administrative division code, used in IDs
  std::string_view city;      // e.g. 杭州市
  std::string_view district;  // e.g. 西湖区
};

std::span<const Region> zhejiang_regions();
std::span<const std::string_view> surnames();
std::span<const std::string_view> given_name_characters();  // one UTF-8 character each
std::span<const std::string_view> streets();
std::span<const std::string_view> company_brands();
std::span<const std::string_view> company_industries();  // some hold ASCII digits/letters, e.g. 5G通信

}  // namespace jiaohe::engine::demo
