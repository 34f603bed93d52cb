#include "appflow_lint/secrets/pointer_redaction.hpp"

#include <charconv>

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

std::size_t entry_position(const json& object, const std::string& holder_pointer, const std::string& key,
                           const source_map::StructureIndex* index) {
  std::size_t position = 1;
  if (index != nullptr) {
    const source_map::NodeSpan* target = index->find(json_pointer::child(holder_pointer, key));
    if (target != nullptr && target->has_key()) {
      for (const auto& [name, unused] : object.items()) {
        const source_map::NodeSpan* span = index->find(json_pointer::child(holder_pointer, name));
        if (span != nullptr && span->has_key() && span->key_begin < target->key_begin) ++position;
      }
      return position;
    }
  }
  for (const auto& [name, unused] : object.items()) {
    if (name == key) break;
    ++position;
  }
  return position;
}

}  // namespace

std::optional<RedactedPointer> redact_pointer(const SecretPolicy& policy, const json& document,
                                              std::string_view pointer, const source_map::StructureIndex* index) {
  const json* node = &document;
  NodeExposure exposure = policy.root();
  std::string prefix;
  std::string holder = "the request";
  for (const std::string& token : json_pointer::split(pointer)) {
    if (node->is_object()) {
      const NodeExposure child = policy.member(exposure, token);
      if (child.key_hidden) {
        return RedactedPointer{prefix, holder, entry_position(*node, prefix, token, index)};
      }
      auto found = node->find(token);
      if (found == node->end()) return std::nullopt;
      node = &*found;
      exposure = child;
      holder = token;
    } else if (node->is_array()) {
      std::size_t i = 0;
      const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), i);
      if (error != std::errc{} || end != token.data() + token.size() || i >= node->size()) return std::nullopt;
      node = &(*node)[i];
      exposure = policy.element(exposure);
    } else {
      return std::nullopt;
    }
    prefix = json_pointer::child(prefix, token);
  }
  return std::nullopt;
}

}  // namespace appflow_lint::secrets
