#include "engine/config/config_example.hpp"

#include <memory>

#include <nlohmann/json.hpp>

namespace jiaohe::engine {
namespace {

// One JSON object of the file: its keys and sub-objects in the order config_keys() lists them.
struct Node {
  std::string name;
  const ConfigKey* key = nullptr;  // a leaf
  std::vector<std::unique_ptr<Node>> children;

  Node& child(const std::string& n) {
    for (auto& c : children)
      if (!c->key && c->name == n) return *c;
    children.push_back(std::make_unique<Node>());
    children.back()->name = n;
    return *children.back();
  }
};

Node tree_of_keys() {
  Node root;
  for (const auto& key : config_keys()) {
    Node* at = &root;
    std::string rest = key.path;
    for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
      at = &at->child(rest.substr(0, dot));
      rest = rest.substr(dot + 1);
    }
    auto leaf = std::make_unique<Node>();
    leaf->name = rest;
    leaf->key = &key;
    at->children.push_back(std::move(leaf));
  }
  return root;
}

// The lines of one member; `active` when it is not commented out (sections always are).
struct Member {
  std::vector<std::string> lines;
  bool active = true;
};

std::vector<std::string> write_object(const Node& node, const Config& config, const std::string& indent);

Member write_member(const Node& node, const Config& config, const std::string& indent) {
  Member m;
  const std::string name = nlohmann::json(node.name).dump();
  if (!node.key) {
    m.lines.push_back(indent + name + ": {");
    for (auto& line : write_object(node, config, indent + "  ")) m.lines.push_back(std::move(line));
    m.lines.push_back(indent + "}");
    return m;
  }
  const ConfigKey& key = *node.key;
  m.lines.push_back(indent + "// " + key.help + " [" + key.env + "]");
  m.active = config.sources.keys.count(key.path) > 0;
  const std::string value =
      m.active || key.example.empty() ? config_value(config, key.path).dump() : key.example;
  m.lines.push_back(indent + (m.active ? "" : "// ") + name + ": " + value);
  return m;
}

std::vector<std::string> write_object(const Node& node, const Config& config, const std::string& indent) {
  std::vector<Member> members;
  for (const auto& c : node.children) members.push_back(write_member(*c, config, indent));
  // Commas go between active members only; commented-out ones are invisible to the parser.
  std::size_t last_active = members.size();
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i].active) last_active = i;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].active && i != last_active) members[i].lines.back() += ",";
    for (auto& line : members[i].lines) out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

std::string example_config(const Config& config) {
  std::string out =
      "// Jiaohe configuration: JSON in which // and /* */ comments are allowed.\n"
      "// Every key is listed under a line saying what it does and which JIAOHE_* environment\n"
      "// variable overrides it. A key left commented out keeps its default. After editing,\n"
      "// `jiaohe --config FILE config` checks the file and shows what is in effect.\n"
      "{\n";
  for (const auto& line : write_object(tree_of_keys(), config, "  ")) out += line + "\n";
  out += "}\n";
  return out;
}

}  // namespace jiaohe::engine
