#include "engine/util/sha256.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "engine/error.hpp"

namespace jiaohe::engine::util {

std::string hex_of(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw Error(ErrorCode::kInternal, "SHA-256 failed");
  return hex_of(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
            data.size(), digest, &length))
    throw Error(ErrorCode::kInternal, "HMAC-SHA256 failed");
  return hex_of(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace jiaohe::engine::util
