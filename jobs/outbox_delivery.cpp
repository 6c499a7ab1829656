#include "jobs/outbox_delivery.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "engine/log/log.hpp"
#include "engine/util/sha256.hpp"

namespace jiaohe::jobs {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

struct Target {
  std::string host, port, path;
};

// http://host[:port][/path]; plain HTTP only (TLS is terminated by a local proxy).
std::optional<Target> parse_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return std::nullopt;
  const auto rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  const auto authority = rest.substr(0, slash);
  Target t;
  t.path = slash == std::string::npos ? "/" : rest.substr(slash);
  const auto colon = authority.rfind(':');
  t.host = colon == std::string::npos ? authority : authority.substr(0, colon);
  t.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  if (t.host.empty()) return std::nullopt;
  return t;
}

}  // namespace

const std::string& WebhookConfig::secret_for(const std::string& recipient) const {
  const auto own = secrets.find(recipient);
  return own == secrets.end() ? secret : own->second;
}

std::string webhook_signature(const std::string& secret, std::int64_t timestamp, const std::string& body) {
  return "sha256=" + engine::util::hmac_sha256_hex(secret, std::to_string(timestamp) + "." + body);
}

std::optional<std::string> OutboxDelivery::post(const engine::store::OutboxMessage& message, engine::Instant now) const {
  const auto target = parse_url(config_.urls.at(message.recipient));
  if (!target) return "the webhook URL of " + message.recipient + " is not http://host[:port]/path";
  try {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(config_.timeout);
    stream.connect(tcp::resolver(io).resolve(target->host, target->port));
    http::request<http::string_body> request{http::verb::post, target->path, 11};
    request.set(http::field::host, target->host);
    request.set(http::field::content_type, "application/json");
    request.set("Idempotency-Key", message.idempotency_key);
    // Each attempt is signed anew with its own instant: a retry is not a replay.
    const auto timestamp = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    request.set("X-Jiaohe-Timestamp", std::to_string(timestamp));
    request.set("X-Jiaohe-Signature", webhook_signature(config_.secret_for(message.recipient), timestamp, message.payload));
    request.set("X-Jiaohe-Event", message.kind);
    request.body() = message.payload;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    if (response.result_int() / 100 != 2) return "HTTP " + std::to_string(response.result_int());
    return std::nullopt;
  } catch (const std::exception& e) {
    return std::string("delivery failed: ") + e.what();
  }
}

void OutboxDelivery::run_once(engine::Instant now) {
  std::vector<std::string> recipients;
  for (const auto& [recipient, url] : config_.urls) recipients.push_back(recipient);
  last_ = store_.deliver_due(now, recipients, [this, now](const auto& m) { return post(m, now); }, config_.retry);
  if (last_.delivered + last_.retried + last_.dead > 0)
    engine::log::info("outbox.delivered",
                      {{"delivered", last_.delivered}, {"retried", last_.retried}, {"dead", last_.dead}});
}

}  // namespace jiaohe::jobs
