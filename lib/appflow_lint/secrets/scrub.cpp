#include "appflow_lint/secrets/scrub.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

// Shorter strings ("true", "abc") are too likely to be ordinary words of a message.
constexpr std::size_t kMinSecretLength = 4;

void add(std::vector<std::string>& out, const std::string& text) {
  if (text.size() < kMinSecretLength) return;
  out.push_back(text);
  // Only quotes, backslashes and control characters change when escaped.
  const bool plain = std::none_of(
      text.begin(), text.end(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20U; });
  if (plain) return;
  std::string escaped = json(text).dump();
  escaped = escaped.substr(1, escaped.size() - 2);
  if (escaped != text) out.push_back(std::move(escaped));
}

// A number as nlohmann writes it, the form a message that quotes it would use.
std::string number_text(const document::Node& node) {
  if (node.kind() == document::Kind::Integer) return json(node.integer()).dump();
  if (node.kind() == document::Kind::Unsigned) return json(node.unsigned_integer()).dump();
  return json(node.number()).dump();
}

}  // namespace

std::vector<std::string> secret_strings(const SecretPolicy& policy, const document::Node& document) {
  std::vector<std::string> found;
  // Iterative: documents nest as deep as the parser allows.
  std::vector<std::pair<const document::Node*, NodeExposure>> pending{{&document, policy.root()}};
  while (!pending.empty()) {
    const auto [node, exposure] = pending.back();
    pending.pop_back();
    const bool secret = exposure.value == Exposure::Secret;
    if (node->is_string()) {
      if (secret) add(found, std::string(node->string()));
    } else if (node->is_number() && secret) {
      add(found, number_text(*node));
    } else if (node->is_object()) {
      for (const document::Member& member : node->members()) {
        const NodeExposure child = policy.member(exposure, member.key);
        if (child.key_hidden) add(found, std::string(member.key));
        pending.emplace_back(&member.value, child);
      }
    } else if (node->is_array()) {
      for (const document::Node& element : node->elements()) pending.emplace_back(&element, policy.element(exposure));
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
