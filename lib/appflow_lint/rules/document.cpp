#include "appflow_lint/rules/document.hpp"

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::rules {

const nlohmann::json* find(const nlohmann::json& document, std::string_view pointer) {
  const nlohmann::json* node = &document;
  for (const auto& token : json_pointer::split(pointer)) {
    if (node->is_object()) {
      node = member(node, token);
    } else if (node->is_array()) {
      std::size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      node = index < node->size() ? &(*node)[index] : nullptr;
    } else {
      return nullptr;
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

const nlohmann::json* member(const nlohmann::json* object, std::string_view name) {
  if (object == nullptr || !object->is_object()) return nullptr;
  auto found = object->find(name);
  return found == object->end() ? nullptr : &*found;
}

const nlohmann::json* object_member(const nlohmann::json* object, std::string_view name) {
  const nlohmann::json* value = member(object, name);
  return value != nullptr && value->is_object() ? value : nullptr;
}

const std::string* string_member(const nlohmann::json* object, std::string_view name) {
  const nlohmann::json* value = member(object, name);
  return value != nullptr && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

bool bool_member_is(const nlohmann::json* object, std::string_view name, bool wanted) {
  const nlohmann::json* value = member(object, name);
  return value != nullptr && value->is_boolean() && value->get<bool>() == wanted;
}

}  // namespace appflow_lint::rules
