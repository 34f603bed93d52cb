#include "appflow_lint/schema_engine/compiled_schema.hpp"

#include <stdexcept>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>

namespace appflow_lint::schema_engine {
namespace {

using PatternMap = std::unordered_map<std::string, std::unique_ptr<re2::RE2>>;

// Compiles every `pattern` keyword and removes it from the copy valijson gets.
void take_patterns(nlohmann::json& node, PatternMap& patterns) {
  if (node.is_object()) {
    if (auto pattern = node.find("pattern"); pattern != node.end() && pattern->is_string()) {
      const std::string text = pattern->get<std::string>();
      if (!patterns.count(text)) {
        auto compiled = std::make_unique<re2::RE2>(text, re2::RE2::Quiet);
        if (!compiled->ok()) throw std::runtime_error("schema pattern does not compile: " + text);
        patterns.emplace(text, std::move(compiled));
      }
      node.erase(pattern);
    }
    for (auto& [key, value] : node.items()) take_patterns(value, patterns);
  } else if (node.is_array()) {
    for (auto& element : node) take_patterns(element, patterns);
  }
}

bool string_holds(const CompiledSchema& schema, const nlohmann::json& node_schema, std::string_view value) {
  auto pattern = node_schema.find("pattern");
  return pattern == node_schema.end() || schema.matches(pattern->get_ref<const std::string&>(), value);
}

// Recursion is bounded by the schema's depth: members it does not know end the walk.
bool walk_patterns(const CompiledSchema& schema, const nlohmann::json& node, const nlohmann::json& node_schema) {
  if (node.is_string()) return string_holds(schema, node_schema, node.get_ref<const std::string&>());
  if (node.is_object()) {
    auto key_schema = node_schema.find("propertyNames");
    for (const auto& [key, value] : node.items()) {
      if (key_schema != node_schema.end() && !string_holds(schema, *key_schema, key)) return false;
      const nlohmann::json* child = child_schema(node_schema, key);
      if (child != nullptr && !walk_patterns(schema, value, *child)) return false;
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      const nlohmann::json* child = child_schema(node_schema, std::to_string(i));
      if (child != nullptr && !walk_patterns(schema, node[i], *child)) return false;
    }
  }
  return true;
}

}  // namespace

CompiledSchema::CompiledSchema(std::string_view schema_text)
    : root_(nlohmann::json::parse(schema_text)) {
  nlohmann::json without_patterns = root_;
  take_patterns(without_patterns, patterns_);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(without_patterns);
  parser.populateSchema(adapter, validator_schema_);
}

const re2::RE2& CompiledSchema::regex(const std::string& pattern) const {
  auto found = patterns_.find(pattern);
  if (found == patterns_.end()) throw std::logic_error("pattern not in the compiled schema: " + pattern);
  return *found->second;
}

bool CompiledSchema::matches(const std::string& pattern, std::string_view value) const {
  return re2::RE2::FullMatch(value, regex(pattern));
}

bool CompiledSchema::patterns_hold(const nlohmann::json& document) const {
  return walk_patterns(*this, document, root_);
}

const nlohmann::json* child_schema(const nlohmann::json& schema, const std::string& token) {
  if (!schema.is_object()) return nullptr;
  if (auto properties = schema.find("properties"); properties != schema.end()) {
    if (auto member = properties->find(token); member != properties->end()) return &*member;
  }
  if (auto additional = schema.find("additionalProperties");
      additional != schema.end() && additional->is_object()) {
    return &*additional;
  }
  if (auto items = schema.find("items"); items != schema.end() && items->is_object()) {
    return &*items;
  }
  return nullptr;
}

const nlohmann::json* CompiledSchema::subschema_at(
    const std::vector<std::string>& pointer_tokens) const {
  const nlohmann::json* schema = &root_;
  for (const auto& token : pointer_tokens) {
    schema = child_schema(*schema, token);
    if (schema == nullptr) return nullptr;
  }
  return schema;
}

}  // namespace appflow_lint::schema_engine
