#include "appflow_lint/rules/document.hpp"

#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"

namespace appflow_lint::rules {

const document::Node* member(const document::Node* object, std::string_view name) {
  return object != nullptr ? object->find(name) : nullptr;
}

const document::Node* object_member(const document::Node* object, std::string_view name) {
  const document::Node* value = member(object, name);
  return value != nullptr && value->is_object() ? value : nullptr;
}

std::optional<std::string_view> string_member(const document::Node* object, std::string_view name) {
  const document::Node* value = member(object, name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->string();
}

bool bool_member_is(const document::Node* object, std::string_view name, bool wanted) {
  const document::Node* value = member(object, name);
  return value != nullptr && value->is_boolean() && value->boolean() == wanted;
}

bool left_to_others(const document::Node* node, bool sensitive) {
  if (node == nullptr || schema_reported(node)) return true;
  return node->is_string() && placeholder::find_placeholder(node->string(), sensitive).has_value();
}

}  // namespace appflow_lint::rules
