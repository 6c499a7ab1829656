#pragma once
// Supporting documents of a dispute: the party's papers (a certificate, a letter) that the
// agency verifies the claim against. What may be attached is decided here: PDF, JPEG or PNG,
// recognised by their first bytes (never by a file name or a declared type, which a sender
// chooses freely), at most kMaxDocumentBytes each and kMaxDocuments per dispute.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/clock.hpp"

namespace jiaohe::engine::disputes {

inline constexpr std::size_t kMaxDocumentBytes = 2 * 1024 * 1024;
inline constexpr int kMaxDocuments = 5;

// application/pdf, image/jpeg or image/png when `content` starts as such a file does; none for
// anything else, an empty content included.
std::optional<std::string> detect_media_type(std::string_view content);

enum class DocumentCheck { kAccepted, kTooLarge, kUnsupportedType };
// Whether `content` may be attached (its size, then its type); the API answers the refusals
// 413 and 415 before anything is written.
DocumentCheck check_document(std::string_view content);

// A document as lists describe it (its bytes are read alone, by id).
struct DocumentInfo {
  std::int64_t id = 0;
  std::int64_t dispute_id = 0;
  std::string media_type;   // the detected type
  std::int64_t size = 0;    // bytes
  std::string sha256;       // lower-case hex of the content
  Instant uploaded_at{};
  std::string uploaded_by;  // the actor's name, e.g. "token 12"
  bool operator==(const DocumentInfo&) const = default;
};

struct Document {
  DocumentInfo info;
  std::string content;
};

}  // namespace jiaohe::engine::disputes
