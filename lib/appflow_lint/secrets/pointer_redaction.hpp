// A diagnostic's JSON Pointer must not name a secret key (an entry of credentialsMap,
// a member inside a secret): such a pointer stops at the object that holds the key,
// and the diagnostic says which of its members it means, by position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::secrets {

struct RedactedPointer {
  std::string pointer;    // up to the object holding the hidden key
  std::string holder;     // that object's name, for the message ("credentialsMap")
  std::size_t entry = 0;  // 1-based position of the hidden member in it
};

// std::nullopt when `pointer` names no hidden key. Where the document has offsets
// (source text), the position counts members in text order; else in the tree's order.
std::optional<RedactedPointer> redact_pointer(const SecretPolicy& policy, const document::Node& document,
                                              std::string_view pointer);

}  // namespace appflow_lint::secrets
