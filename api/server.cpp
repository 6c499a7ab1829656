#include "api/server.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <limits>
#include <list>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/authenticate.hpp"
#include "api/idempotency.hpp"
#include "api/problem.hpp"
#include "api/query_parameter.hpp"
#include "api/request_text.hpp"
#include "engine/log/log.hpp"

namespace jiaohe::api {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

// The request as handlers see it, and the refusal of its text if some part is not valid text.
struct Incoming {
  Request request;
  std::optional<Response> refusal;
};

Incoming to_request(const http::request<http::string_body>& in) {
  Incoming incoming;
  Request& r = incoming.request;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  auto decoded = decode_target(r.target);
  r.path = std::move(decoded.path);
  r.query = std::move(decoded.query);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(field.value());
  }
  r.body = in.body();
  incoming.refusal = decoded.refusal ? std::move(decoded.refusal) : refuse_invalid_headers(r.headers);
  return incoming;
}

// When even the error mapping fails: a fixed answer that needs no serialisation.
Response last_resort() {
  Response r;
  r.status = 500;
  r.content_type = "application/problem+json";
  r.body = R"({"type":"about:blank","title":"Internal error","status":500,"detail":"the server failed to handle the request; it has been logged"})";
  return r;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  AppContext& context;
  net::io_context ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  tcp::acceptor acceptor{ioc};
  net::thread_pool workers;
  std::vector<std::thread> io_threads;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> queued{0};
  unsigned short bound_port = 0;

  struct Session;
  std::mutex sessions_mutex;
  std::list<std::weak_ptr<Session>> sessions;

  Impl(ServerOptions o, const Router& r, AppContext& c)
      : options(std::move(o)), router(r), context(c), workers(static_cast<std::size_t>(options.worker_threads)) {}

  void do_accept();
  Response handle(Incoming& incoming) noexcept;
  Response answer(Incoming& incoming, const Route*& route);
};

struct Server::Impl::Session : std::enable_shared_from_this<Session> {
  Impl& server;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  std::optional<http::request_parser<http::string_body>> parser;
  bool idle = true;  // waiting for the next request's first bytes (only touched on the strand)
  bool first = true;

  Session(Impl& s, tcp::socket socket) : server(s), stream(std::move(socket)) {}

  void start() {
    net::dispatch(stream.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // A fresh parser per request, with the limits set before the read (Beast advanced server).
  void read_header() {
    if (server.stopping) return close();
    parser.emplace();
    parser->header_limit(static_cast<std::uint32_t>(server.options.header_limit));
    // No body limit yet: the route's limit is chosen once the header is known (the parser would
    // otherwise fail the header read itself when Content-Length exceeds a default). Not
    // boost::none: Beast 1.74 compares Content-Length against it and always fails.
    parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    idle = true;
    stream.expires_after(first ? server.options.read_timeout : server.options.idle_timeout);
    http::async_read_header(stream, buffer, *parser,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    idle = false;
    first = false;
    if (ec == http::error::header_limit)
      return reply(problem(431, "Request header fields too large", "the request header exceeds " +
                                                                      std::to_string(server.options.header_limit) + " bytes"),
                   false, true);
    if (ec) return close();
    const auto& req = parser->get();
    std::string path(req.target().substr(0, req.target().find('?')));
    auto m = server.router.match(std::string(req.method_string()), path);
    std::size_t limit = server.options.body_limit;
    if (m.route && m.route->body_limit) limit = m.route->body_limit;
    if (parser->content_length() && *parser->content_length() > limit)
      return reply(problem(413, "Payload too large", "the request body may be at most " + std::to_string(limit) + " bytes"),
                   false, true);
    parser->body_limit(limit);
    stream.expires_after(server.options.read_timeout);
    http::async_read(stream, buffer, *parser,
                     [self = shared_from_this(), limit](beast::error_code e, std::size_t) { self->on_body(e, limit); });
  }

  void on_body(beast::error_code ec, std::size_t limit) {
    if (ec == http::error::body_limit)
      return reply(problem(413, "Payload too large", "the request body may be at most " + std::to_string(limit) + " bytes"),
                   false, true);
    if (ec) return close();
    auto request = std::make_shared<Incoming>(to_request(parser->get()));
    const bool keep_alive = parser->get().keep_alive();
    const unsigned version = parser->get().version();
    if (server.queued.load() >= server.options.queue_limit) {
      auto r = problem(503, "Service unavailable", "the server is busy; retry shortly");
      r.headers.emplace_back("Retry-After", "1");
      return reply(std::move(r), keep_alive, false, version);
    }
    ++server.queued;
    // The work guard keeps the I/O threads alive until the answer is written, even during stop().
    net::post(server.workers, [self = shared_from_this(), request, keep_alive, version,
                               guard = net::make_work_guard(stream.get_executor())] {
      Response response = self->server.handle(*request);
      --self->server.queued;
      net::post(self->stream.get_executor(), [self, response = std::move(response), keep_alive, version]() mutable {
        self->reply(std::move(response), keep_alive, false, version);
      });
    });
  }

  void reply(Response r, bool keep_alive, bool must_close, unsigned version = 11) {
    auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status), version);
    res->set(http::field::server, "jiaohe");
    res->set(http::field::content_type, r.content_type);
    for (const auto& [k, v] : r.headers) res->set(k, v);
    res->body() = std::move(r.body);
    const bool close_after = must_close || !keep_alive || server.stopping;
    res->keep_alive(!close_after);
    res->prepare_payload();
    stream.expires_after(server.options.read_timeout);
    http::async_write(stream, *res, [self = shared_from_this(), res, close_after](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      if (close_after) return self->linger_close();
      self->read_header();
    });
  }

  // Closing a socket with unread input makes the kernel send a reset, which can destroy the
  // answer we just wrote (e.g. a 413 for a body we refused to read). So: stop sending, discard
  // what the client still sends for a bounded time and amount, then close.
  void linger_close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    drain(0);
  }

  void drain(std::size_t drained) {
    constexpr std::size_t kMaxDrain = 8 * 1024 * 1024;
    auto scratch = std::make_shared<std::array<char, 16384>>();
    stream.async_read_some(net::buffer(*scratch), [self = shared_from_this(), scratch, drained](beast::error_code ec,
                                                                                                 std::size_t n) {
      if (ec || drained + n > kMaxDrain) return self->close();
      self->drain(drained + n);
    });
  }

  void close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
  }
};

void Server::Impl::do_accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || stopping) return;
    if (!ec) {
      auto session = std::make_shared<Session>(*this, std::move(socket));
      {
        std::lock_guard lock(sessions_mutex);
        sessions.remove_if([](const auto& w) { return w.expired(); });
        sessions.push_back(session);
      }
      session->start();
    } else {
      // Keep accepting after transient errors (e.g. too many open files), never spin on them.
      engine::log::warn("http.accept_failed", {{"error", ec.message()}});
    }
    do_accept();
  });
}

// The one place every answer passes: timed and counted for /metrics here. Nothing a request
// carries may end the process, so every path ends in a problem document, and a fixed 500 when
// even that fails.
Response Server::Impl::handle(Incoming& incoming) noexcept {
  // Durations are measured, not business time: the steady clock, never the injected one.
  const auto started = std::chrono::steady_clock::now();
  const Route* route = nullptr;
  Response response;
  try {
    response = answer(incoming, route);
  } catch (...) {
    response = last_resort();
    try {
      engine::log::error("http.unhandled", {{"route", route ? route->pattern : std::string(kUnmatchedRoute)}});
    } catch (...) {
    }
  }
  try {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    context.metrics->record(route ? std::string_view(route->pattern) : kUnmatchedRoute, incoming.request.method,
                            response.status, took.count());
  } catch (...) {
    // Counting is best effort; the answer still goes out.
  }
  return response;
}

Response Server::Impl::answer(Incoming& incoming, const Route*& route) {
  if (incoming.refusal) return *incoming.refusal;
  Request& request = incoming.request;
  try {
    auto m = router.match(request.method, request.path);
    route = m.route;
    // Neither text names the path or the method: a path may hold an identifier.
    if (!m.route) {
      if (m.path_known) {
        auto r = problem(405, "Method not allowed", "this method is not allowed on this path; allowed: " + m.allowed);
        r.headers.emplace_back("Allow", m.allowed);
        return r;
      }
      return problem(404, "Not found", "no resource at this path");
    }
    request.params = m.params;
    request.route = m.route->method + " " + m.route->pattern;
    if (auto refused = authenticate(*m.route, request, context)) return *refused;
    if (auto refused = refuse_undeclared_query(request, m.route->schema.query)) return *refused;
    return run_idempotent(*m.route, request, context);
  } catch (...) {
    return problem_from_current_exception();
  }
}

Server::Server(ServerOptions options, const Router& router, AppContext& context)
    : impl_(std::make_unique<Impl>(std::move(options), router, context)) {}

Server::~Server() { stop(); }

unsigned short Server::start() {
  auto& i = *impl_;
  tcp::endpoint endpoint(net::ip::make_address(i.options.host), i.options.port);
  i.acceptor.open(endpoint.protocol());
  i.acceptor.set_option(net::socket_base::reuse_address(true));
  i.acceptor.bind(endpoint);
  i.acceptor.listen(net::socket_base::max_listen_connections);
  i.bound_port = i.acceptor.local_endpoint().port();
  i.work.emplace(i.ioc.get_executor());
  i.do_accept();
  for (int t = 0; t < i.options.io_threads; ++t) i.io_threads.emplace_back([&i] { i.ioc.run(); });
  return i.bound_port;
}

unsigned short Server::port() const { return impl_->bound_port; }

void Server::stop() {
  auto& i = *impl_;
  if (i.io_threads.empty() || i.stopping.exchange(true)) return;
  net::post(i.ioc, [&i] {
    beast::error_code ignored;
    i.acceptor.close(ignored);
  });
  {
    // Idle connections are closed now; busy ones close after their answer is written.
    std::lock_guard lock(i.sessions_mutex);
    for (auto& w : i.sessions)
      if (auto s = w.lock())
        net::post(s->stream.get_executor(), [s] {
          if (s->idle) s->close();
        });
  }
  i.work.reset();
  for (auto& t : i.io_threads) t.join();
  i.workers.join();
  i.io_threads.clear();
}

}  // namespace jiaohe::api
