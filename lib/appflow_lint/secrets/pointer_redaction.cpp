#include "appflow_lint/secrets/pointer_redaction.hpp"

#include <charconv>

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

std::optional<RedactedPointer> redact_pointer(const SecretPolicy& policy, const document::Node& document,
                                              std::string_view pointer) {
  const document::Node* node = &document;
  NodeExposure exposure = policy.root();
  std::string prefix;
  std::string holder = "the request";
  for (const std::string& token : json_pointer::split(pointer)) {
    if (node->is_object()) {
      const NodeExposure child = policy.member(exposure, token);
      if (child.key_hidden) return RedactedPointer{prefix, holder, entry_position(*node, token)};
      node = node->find(token);
      if (node == nullptr) return std::nullopt;
      exposure = child;
      holder = token;
    } else if (node->is_array()) {
      std::size_t i = 0;
      const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), i);
      if (error != std::errc{} || end != token.data() + token.size()) return std::nullopt;
      node = node->element(i);
      if (node == nullptr) return std::nullopt;
      exposure = policy.element(exposure);
    } else {
      return std::nullopt;
    }
    prefix = json_pointer::child(prefix, token);
  }
  return std::nullopt;
}

}  // namespace appflow_lint::secrets
