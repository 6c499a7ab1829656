#pragma once
// SHA-256 digests as lower-case hex: content digests, token hashes and the webhooks' HMAC
// signature all spell their bytes the same way.
#include <string>
#include <string_view>

namespace jiaohe::engine::util {

// Lower-case hex of `bytes` (two digits a byte).
std::string hex_of(std::string_view bytes);
// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);
// Lower-case hex HMAC-SHA256 of `data` under `key`.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace jiaohe::engine::util
