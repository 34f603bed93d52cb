#include "appflow_lint/schema_engine/json_type.hpp"

#include "appflow_lint/schema_engine/number_kinds.hpp"

namespace appflow_lint::schema_engine {

std::optional<JsonType> type_named(std::string_view name) noexcept {
  if (name == "string") return JsonType::String;
  if (name == "object") return JsonType::Object;
  if (name == "array") return JsonType::Array;
  if (name == "boolean") return JsonType::Boolean;
  if (name == "integer") return JsonType::Integer;
  if (name == "number") return JsonType::Number;
  if (name == "null") return JsonType::Null;
  return std::nullopt;
}

bool has_type(const document::Node& node, JsonType type) noexcept {
  switch (type) {
    case JsonType::Any:
      return true;
    case JsonType::String:
      return node.is_string();
    case JsonType::Object:
      return node.is_object();
    case JsonType::Array:
      return node.is_array();
    case JsonType::Boolean:
      return node.is_boolean();
    case JsonType::Null:
      return node.is_null();
    case JsonType::Number:
      return node.is_number();
    case JsonType::Integer:
      return node.is_number_integer() || (node.is_number_float() && beyond_64_bits(node.number()));
  }
  return false;
}

}  // namespace appflow_lint::schema_engine
