#include "appflow_lint/schema_engine/compiled_schema.hpp"

#include <stdexcept>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>

namespace appflow_lint::schema_engine {
namespace {

void collect_patterns(const nlohmann::json& node,
                      std::unordered_map<std::string, std::regex>& cache) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string()) {
        const auto& pattern = value.get_ref<const std::string&>();
        cache.try_emplace(pattern, pattern, std::regex::ECMAScript | std::regex::optimize);
      } else {
        collect_patterns(value, cache);
      }
    }
  } else if (node.is_array()) {
    for (const auto& element : node) collect_patterns(element, cache);
  }
}

}  // namespace

CompiledSchema::CompiledSchema(std::string_view schema_text)
    : root_(nlohmann::json::parse(schema_text)) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(root_);
  parser.populateSchema(adapter, validator_schema_);
  collect_patterns(root_, regex_cache_);
}

const std::regex& CompiledSchema::regex(const std::string& pattern) const {
  auto found = regex_cache_.find(pattern);
  if (found == regex_cache_.end()) {
    throw std::logic_error("pattern not in the compiled schema: " + pattern);
  }
  return found->second;
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
