#include "engine/disputes/supporting_document.hpp"

#include <array>
#include <utility>

namespace jiaohe::engine::disputes {
namespace {

// The signatures of the accepted formats: PDF (ISO 32000 §7.5.2 header), JPEG (SOI and the
// first marker's FF), PNG (its 8-byte signature).
const std::array<std::pair<std::string_view, const char*>, 3> kSignatures{{
    {std::string_view("%PDF-", 5), "application/pdf"},
    {std::string_view("\xFF\xD8\xFF", 3), "image/jpeg"},
    {std::string_view("\x89PNG\r\n\x1A\n", 8), "image/png"},
}};

}  // namespace

std::optional<std::string> detect_media_type(std::string_view content) {
  for (const auto& [signature, type] : kSignatures)
    if (content.substr(0, signature.size()) == signature) return std::string(type);
  return std::nullopt;
}

DocumentCheck check_document(std::string_view content) {
  if (content.size() > kMaxDocumentBytes) return DocumentCheck::kTooLarge;
  if (!detect_media_type(content)) return DocumentCheck::kUnsupportedType;
  return DocumentCheck::kAccepted;
}

}  // namespace jiaohe::engine::disputes
