#include "appflow_lint/schema_engine/sensitive_nodes.hpp"

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"

namespace appflow_lint::schema_engine {
namespace {

bool keys_are_sensitive(const nlohmann::json& schema) {
  auto key_schema = schema.find("propertyNames");
  return key_schema != schema.end() && is_sensitive(*key_schema);
}

// Recursion depth is bounded by the schema's depth: unknown members end the walk.
void walk(const nlohmann::json& node, const nlohmann::json& schema, const std::string& pointer,
          std::vector<SensitiveNode>& out) {
  if (is_sensitive(schema)) {
    out.emplace_back(pointer, Anchor::Value);
    return;
  }
  if (node.is_object()) {
    const bool sensitive_keys = keys_are_sensitive(schema);
    for (const auto& [name, value] : node.items()) {
      const std::string child_pointer = json_pointer::child(pointer, name);
      if (sensitive_keys) out.emplace_back(child_pointer, Anchor::Key);
      if (const auto* child = child_schema(schema, name)) {
        walk(value, *child, child_pointer, out);
      } else if (value.is_structured()) {
        // A member the schema does not know (a misspelt `salesforce`) may still hold
        // real tokens: nothing inside it is echoed.
        out.emplace_back(child_pointer, Anchor::Value);
      }
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (const auto* child = child_schema(schema, std::to_string(i))) {
        walk(node[i], *child, json_pointer::child(pointer, i), out);
      }
    }
  }
}

}  // namespace

std::vector<SensitiveNode> find_sensitive_nodes(const CompiledSchema& schema,
                                                const nlohmann::json& document) {
  std::vector<SensitiveNode> found;
  walk(document, schema.root(), "", found);
  return found;
}

bool has_sensitive_keys(const CompiledSchema& schema, const std::vector<std::string>& pointer_tokens) {
  const nlohmann::json* subschema = schema.subschema_at(pointer_tokens);
  return subschema != nullptr && keys_are_sensitive(*subschema);
}

}  // namespace appflow_lint::schema_engine
