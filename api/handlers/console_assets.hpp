#pragma once
// The web console's static files (api/console/), compiled into the binary at build time by
// cmake/EmbedConsole.cmake: each with its content type, a version (the start of its SHA-256)
// and a gzip copy. Nothing is read from disk at run time.
#include <string_view>
#include <vector>

namespace jiaohe::api::handlers {

struct ConsoleAsset {
  std::string_view name;          // "app.js": served at /console/app.js (index.html at /)
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view version;       // 16 hex digits; index.html asks for /console/app.js?v=VERSION
  std::string_view body;
  std::string_view gzip;          // the same bytes, gzip-compressed
};

// Every embedded file (generated source).
const std::vector<ConsoleAsset>& console_assets();
// The one named `name`, or null.
const ConsoleAsset* console_asset(std::string_view name);

}  // namespace jiaohe::api::handlers
