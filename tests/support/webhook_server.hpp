#pragma once
// A local webhook receiver for delivery tests: answers each POST with the next status of a
// script (then 200), and records what it received. Runs on its own thread until destroyed.
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
