#include "appflow_lint/document/tree.hpp"

#include <charconv>
#include <optional>
#include <string>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/text/same_name.hpp"

namespace appflow_lint::document {

double Node::number() const noexcept {
  switch (kind_) {
    case Kind::Integer:
      return static_cast<double>(value_.integer);
    case Kind::Unsigned:
      return static_cast<double>(value_.unsigned_integer);
    case Kind::Float:
      return value_.floating;
    default:
      return 0;
  }
}

const Node* Node::find(std::string_view name) const noexcept {
  const Member* member = find_member(name);
  return member == nullptr ? nullptr : &member->value;
}

const Member* Node::find_member(std::string_view name) const noexcept {
  if (!is_object()) return nullptr;
  // Backwards: where a key repeats, the last value counts (as in every JSON parser here).
  // The rules look members up by name some thirty times per request.
  for (std::size_t i = size_; i-- > 0;) {
    if (text::same_name(value_.members[i].key, name)) return &value_.members[i];
  }
  return nullptr;
}

const Node* find_pointer(const Node& root, std::string_view pointer) { return locate(root, pointer).node; }

Location locate(const Node& root, std::string_view pointer) {
  if (!pointer.empty() && pointer.front() != '/') return {};  // not a JSON Pointer
  Location at{&root, nullptr};
  json_pointer::TokenReader tokens(pointer);
  while (const std::optional<std::string_view> token = tokens.next()) {
    if (at.node->is_object()) {
      at.member = at.node->find_member(*token);
      if (at.member == nullptr) return {};
      at.node = &at.member->value;
      continue;
    }
    std::size_t index = 0;
    const char* const end = token->data() + token->size();
    if (!at.node->is_array() || token->empty() || token->size() >= 10 ||
        std::from_chars(token->data(), end, index).ptr != end) {
      return {};
    }
    at.node = at.node->element(index);
    at.member = nullptr;
    if (at.node == nullptr) return {};
  }
  return at;
}

}  // namespace appflow_lint::document
