#include "engine/store/named_statement.hpp"

namespace jiaohe::engine::store {
namespace {

// A function's static, so that declarations in any file's static initialisation find it built.
std::vector<const NamedStatement*>& registry() {
  static std::vector<const NamedStatement*> statements;
  return statements;
}

}  // namespace

NamedStatement::NamedStatement(std::string name, std::string sql) : name_(std::move(name)), sql_(std::move(sql)) {
  registry().push_back(this);
}

const std::vector<const NamedStatement*>& named_statements() {
  return registry();
}

}  // namespace jiaohe::engine::store
