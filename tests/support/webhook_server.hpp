#pragma once
// A local webhook receiver for delivery tests: answers each POST with the next status of a
// script (then 200), and records what it received. Runs on its own thread until destroyed.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jiaohe::testing {

struct ReceivedWebhook {
  std::string target, body;
  std::map<std::string, std::string> headers;
};

// What a receiver makes of a delivery when it checks it as docs/API.md ("Webhooks") says, written
// here apart from the sender's code: the HMAC-SHA256 under `secret` of "<X-Jiaohe-Timestamp>.<body>"
// compared in constant time with X-Jiaohe-Signature, and the timestamp at most `tolerance`
// seconds away from the receiver's `now` (Unix seconds).
enum class WebhookVerdict { kValid, kBadSignature, kStale };
WebhookVerdict verify_webhook(const ReceivedWebhook& webhook, const std::string& secret, std::int64_t now,
                              std::int64_t tolerance = 300);

class WebhookServer {
 public:
  explicit WebhookServer(std::deque<int> statuses = {});
  ~WebhookServer();
  WebhookServer(const WebhookServer&) = delete;
  WebhookServer& operator=(const WebhookServer&) = delete;

  std::string url(const std::string& path = "/hook") const;
  std::vector<ReceivedWebhook> received() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::thread thread_;
};

}  // namespace jiaohe::testing
