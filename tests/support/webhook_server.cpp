#include "tests/support/webhook_server.hpp"

#include <atomic>
#include <charconv>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace jiaohe::testing {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

WebhookVerdict verify_webhook(const ReceivedWebhook& webhook, const std::string& secret, std::int64_t now,
                              std::int64_t tolerance) {
  const auto timestamp_header = webhook.headers.find("X-Jiaohe-Timestamp");
  const auto signature_header = webhook.headers.find("X-Jiaohe-Signature");
  if (timestamp_header == webhook.headers.end() || signature_header == webhook.headers.end())
    return WebhookVerdict::kBadSignature;
  const auto& text = timestamp_header->second;
  std::int64_t timestamp = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), timestamp);
  if (ec != std::errc() || end != text.data() + text.size()) return WebhookVerdict::kBadSignature;
  const std::string signed_text = text + "." + webhook.body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string expected = "sha256=";
  for (unsigned int i = 0; i < length; ++i) {
    expected += kHex[digest[i] >> 4];
    expected += kHex[digest[i] & 0xf];
  }
  const auto& given = signature_header->second;
  if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0)
    return WebhookVerdict::kBadSignature;
  if (timestamp < now - tolerance || timestamp > now + tolerance) return WebhookVerdict::kStale;
  return WebhookVerdict::kValid;
}

struct WebhookServer::State {
  boost::asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)};
  std::atomic<bool> stopping{false};
  mutable std::mutex mutex;
  std::deque<int> statuses;
  std::vector<ReceivedWebhook> received;

  void serve_one(tcp::socket socket) {
    beast::flat_buffer buffer;
    http::request<http::string_body> request;
    beast::error_code ec;
    http::read(socket, buffer, request, ec);
    if (ec) return;
    int status = 200;
    {
      std::lock_guard lock(mutex);
      ReceivedWebhook r{std::string(request.target()), request.body(), {}};
      for (const auto& field : request) r.headers[std::string(field.name_string())] = std::string(field.value());
      received.push_back(std::move(r));
      if (!statuses.empty()) {
        status = statuses.front();
        statuses.pop_front();
      }
    }
    http::response<http::string_body> response{static_cast<http::status>(status), request.version()};
    response.body() = "{}";
    response.prepare_payload();
    http::write(socket, response, ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
  }
};

WebhookServer::WebhookServer(std::deque<int> statuses) : state_(std::make_unique<State>()) {
  state_->statuses = std::move(statuses);
  thread_ = std::thread([s = state_.get()] {
    while (!s->stopping) {
      beast::error_code ec;
      tcp::socket socket(s->io);
      s->acceptor.accept(socket, ec);
      if (ec || s->stopping) continue;
      s->serve_one(std::move(socket));
    }
  });
}

WebhookServer::~WebhookServer() {
  state_->stopping = true;
  // Wake the blocking accept with one connection of our own.
  beast::error_code ec;
  tcp::socket poke(state_->io);
  poke.connect(state_->acceptor.local_endpoint(), ec);
  thread_.join();
}

std::string WebhookServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(state_->acceptor.local_endpoint().port()) + path;
}

std::vector<ReceivedWebhook> WebhookServer::received() const {
  std::lock_guard lock(state_->mutex);
  return state_->received;
}

}  // namespace jiaohe::testing
