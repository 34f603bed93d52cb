// The last line of defence: whatever a check wrote, no message or suggestion leaves
// the library holding a secret value of the document it is about.
#pragma once

#include <string>
#include <vector>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::secrets {

// Every string at or below a secret node of `document` (values and keys), long enough
// to be told from ordinary words, as written and JSON-escaped.
std::vector<std::string> secret_strings(const SecretPolicy& policy, const document::Node& document);

// Replaces each occurrence of a secret in `text` by "***"; true when there was one.
bool scrub(std::string& text, const std::vector<std::string>& secrets);

}  // namespace appflow_lint::secrets
