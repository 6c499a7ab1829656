#pragma once
// A small blocking HTTP/1.1 client over a real socket, for *_httptest suites.
#include <map>
#include <string>

namespace jiaohe::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// One request on a fresh connection to 127.0.0.1:port.
HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::string& body = "", const std::map<std::string, std::string>& headers = {});

// Sends raw bytes and returns everything the server sends until it closes the connection
// (or `max_bytes` arrive); for malformed requests, pipelining and timeouts.
std::string raw_exchange(unsigned short port, const std::string& bytes, std::size_t max_bytes = 1 << 20);

}  // namespace jiaohe::testing
