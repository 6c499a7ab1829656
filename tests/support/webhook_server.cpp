#include "tests/support/webhook_server.hpp"

#include <atomic>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace jiaohe::testing {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

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
