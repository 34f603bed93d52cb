#include "appflow_lint/secrets/scrub.hpp"

#include "appflow_lint/secrets/secret_walk.hpp"

namespace appflow_lint::secrets {

std::vector<std::string> secret_strings(const SecretPolicy& policy, const document::Node& document) {
  return find_secrets(policy, document, {.strings = true}).strings;
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
