#include "appflow_lint/secrets/scrub.hpp"

#include <algorithm>
#include <utility>

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

// Shorter strings ("true", "abc") are too likely to be ordinary words of a message.
constexpr std::size_t kMinSecretLength = 4;

void add(std::vector<std::string>& out, const std::string& text) {
  if (text.size() < kMinSecretLength) return;
  out.push_back(text);
  std::string escaped = json(text).dump();
  escaped = escaped.substr(1, escaped.size() - 2);
  if (escaped != text) out.push_back(std::move(escaped));
}

}  // namespace

std::vector<std::string> secret_strings(const SecretPolicy& policy, const json& document) {
  std::vector<std::string> found;
  // Iterative: documents nest as deep as the parser allows.
  std::vector<std::pair<const json*, NodeExposure>> pending{{&document, policy.root()}};
  while (!pending.empty()) {
    const auto [node, exposure] = pending.back();
    pending.pop_back();
    const bool secret = exposure.value == Exposure::Secret;
    if (node->is_string()) {
      if (secret) add(found, node->get_ref<const std::string&>());
    } else if (node->is_number() && secret) {
      add(found, node->dump());
    } else if (node->is_object()) {
      for (const auto& [name, value] : node->items()) {
        const NodeExposure child = policy.member(exposure, name);
        if (child.key_hidden) add(found, name);
        pending.emplace_back(&value, child);
      }
    } else if (node->is_array()) {
      for (const auto& value : *node) pending.emplace_back(&value, policy.element(exposure));
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

bool scrub(std::string& text, const std::vector<std::string>& secrets) {
  bool changed = false;
  for (const auto& secret : secrets) {
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
      changed = true;
    }
  }
  return changed;
}

}  // namespace appflow_lint::secrets
