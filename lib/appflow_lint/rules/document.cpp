#include "appflow_lint/rules/document.hpp"

#include <algorithm>
#include <string>

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::rules {

namespace {

// One RFC 6901 token, unescaped only when it has an escape (rare in this model):
// rules resolve about a hundred pointers per request, so the common case allocates nothing.
std::string_view unescaped(std::string_view token, std::string& scratch) {
  if (token.find('~') == std::string_view::npos) return token;
  scratch = json_pointer::split(std::string("/").append(token)).front();
  return scratch;
}

const nlohmann::json* step(const nlohmann::json* node, std::string_view token) {
  if (node->is_object()) return member(node, token);
  if (!node->is_array() || token.empty()) return nullptr;
  std::size_t index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return nullptr;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index < node->size() ? &(*node)[index] : nullptr;
}

}  // namespace

const nlohmann::json* find(const nlohmann::json& document, std::string_view pointer) {
  const nlohmann::json* node = &document;
  std::string scratch;
  while (!pointer.empty() && node != nullptr) {
    if (pointer.front() != '/') return nullptr;
    pointer.remove_prefix(1);
    const std::size_t end = std::min(pointer.find('/'), pointer.size());
    node = step(node, unescaped(pointer.substr(0, end), scratch));
    pointer.remove_prefix(end);
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

bool schema_reported(const Reporter& out, std::string_view pointer) {
  const auto& reported = out.diagnostics();
  return std::any_of(reported.begin(), reported.end(), [&](const PendingDiagnostic& d) {
    return d.pointer == pointer && d.rule != nullptr && d.rule->id.starts_with("schema.");
  });
}

}  // namespace appflow_lint::rules
