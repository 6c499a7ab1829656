#pragma once
// What handlers may use: the engine's services, wired once in cli/serve_command.cpp.
#include <string>

#include "engine/clock.hpp"

namespace jiaohe::api {

struct AppContext {
  std::string database_url;
  const engine::Clock* clock = nullptr;
};

}  // namespace jiaohe::api
