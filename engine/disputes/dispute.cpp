#include "engine/disputes/dispute.hpp"

#include <array>
#include <utility>

namespace jiaohe::engine::disputes {
namespace {

constexpr std::array<std::pair<DisputeStatus, const char*>, 4> kStatusNames{{
    {DisputeStatus::kOpen, "open"},
    {DisputeStatus::kResolved, "resolved"},
    {DisputeStatus::kAppealed, "appealed"},
    {DisputeStatus::kClosed, "closed"},
}};

}  // namespace

std::string kind_name(DisputeKind kind) { return kind == DisputeKind::kWithdrawal ? "withdrawal" : "dispute"; }

std::optional<DisputeKind> parse_kind(std::string_view name) {
  if (name == "dispute") return DisputeKind::kDispute;
  if (name == "withdrawal") return DisputeKind::kWithdrawal;
  return std::nullopt;
}

std::string status_name(DisputeStatus status) {
  for (const auto& [s, name] : kStatusNames)
    if (s == status) return name;
  return "open";
}

std::optional<DisputeStatus> parse_status(std::string_view name) {
  for (const auto& [s, text] : kStatusNames)
    if (name == text) return s;
  return std::nullopt;
}

std::string channel_name(FilingChannel channel) {
  return channel == FilingChannel::kAuthority ? "authority" : "agency";
}

}  // namespace jiaohe::engine::disputes
