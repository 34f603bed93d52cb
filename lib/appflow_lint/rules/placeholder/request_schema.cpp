#include "appflow_lint/rules/placeholder/request_schema.hpp"

#include <algorithm>
#include <cctype>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"
#include "appflow_lint/schema_engine/schema_bundle.hpp"

namespace appflow_lint::rules::request_schema {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

void expand_from(const nlohmann::json& schema, const std::vector<std::string>& tokens, std::size_t next,
                 const std::string& pointer, std::vector<std::string>& out) {
  if (next == tokens.size()) {
    out.push_back(pointer);
    return;
  }
  if (tokens[next] == "*") {
    auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object()) return;
    for (const auto& [name, subschema] : properties->items()) {
      expand_from(subschema, tokens, next + 1, json_pointer::child(pointer, name), out);
    }
    return;
  }
  if (const nlohmann::json* subschema = schema_engine::child_schema(schema, tokens[next])) {
    expand_from(*subschema, tokens, next + 1, json_pointer::child(pointer, tokens[next]), out);
  }
}

}  // namespace

const nlohmann::json& root(Operation operation) {
  static const nlohmann::json update = nlohmann::json::parse(schema_bundle::kUpdateConnectorProfileRequest);
  static const nlohmann::json create = nlohmann::json::parse(schema_bundle::kCreateConnectorProfileRequest);
  return operation == Operation::CreateConnectorProfile ? create : update;
}

const nlohmann::json* at(Operation operation, std::string_view pointer) {
  const nlohmann::json* schema = &root(operation);
  for (const auto& token : json_pointer::split(pointer)) {
    schema = schema_engine::child_schema(*schema, token);
    if (schema == nullptr) return nullptr;
  }
  return schema;
}

const nlohmann::json* child(const nlohmann::json& parent, const std::string& token, bool ignore_case) {
  if (const nlohmann::json* exact = schema_engine::child_schema(parent, token)) return exact;
  if (!ignore_case || !parent.is_object()) return nullptr;
  auto properties = parent.find("properties");
  if (properties == parent.end() || !properties->is_object()) return nullptr;
  for (const auto& [name, subschema] : properties->items()) {
    if (equal_ignoring_case(name, token)) return &subschema;
  }
  return nullptr;
}

bool is_sensitive(const nlohmann::json& subschema) { return schema_engine::is_sensitive(subschema); }

std::vector<std::string> expand(Operation operation, std::string_view pattern) {
  std::vector<std::string> out;
  expand_from(root(operation), json_pointer::split(pattern), 0, "", out);
  return out;
}

}  // namespace appflow_lint::rules::request_schema
