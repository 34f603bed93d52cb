#include "appflow_lint/secrets/pointer_redaction.hpp"

#include <charconv>
#include <optional>
#include <string>

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::secrets {
namespace {

std::size_t entry_position(const document::Node& object, std::string_view key) {
  const document::Member* target = object.find_member(key);
  std::size_t position = 1;
  if (target != nullptr && target->key_begin != document::kNoOffset) {
    for (const document::Member& member : object.members()) {
      if (member.key_begin != document::kNoOffset && member.key_begin < target->key_begin) ++position;
    }
    return position;
  }
  for (const document::Member& member : object.members()) {
    if (member.key == key) break;
    ++position;
  }
  return position;
}

}  // namespace

// Nothing is copied until a hidden key is found: most pointers name none, and every
// diagnostic's pointer is read here.
std::optional<RedactedPointer> redact_pointer(const SecretPolicy& policy, const document::Node& document,
                                              std::string_view pointer) {
  const document::Node* node = &document;
  NodeExposure exposure = policy.root();
  std::optional<std::string_view> holder;  // the last member passed, as the pointer writes it
  json_pointer::TokenReader tokens(pointer);
  while (const std::optional<std::string_view> token = tokens.next()) {
    if (node->is_object()) {
      const NodeExposure child = policy.member(exposure, *token);
      if (child.key_hidden) {
        return RedactedPointer{std::string(tokens.before()),
                               holder ? json_pointer::last_token(*holder) : std::string("the request"),
                               entry_position(*node, *token)};
      }
      node = node->find(*token);
      if (node == nullptr) return std::nullopt;
      exposure = child;
      holder = tokens.escaped();
    } else if (node->is_array()) {
      std::size_t i = 0;
      const auto [end, error] = std::from_chars(token->data(), token->data() + token->size(), i);
      if (error != std::errc{} || end != token->data() + token->size()) return std::nullopt;
      node = node->element(i);
      if (node == nullptr) return std::nullopt;
      exposure = policy.element(exposure);
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace appflow_lint::secrets
