// A diagnostic's JSON Pointer must not name a secret key (an entry of credentialsMap,
// a member inside a secret): such a pointer stops at the object that holds the key,
// and the diagnostic says which of its members it means, by position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/secrets/secret_policy.hpp"
#include "appflow_lint/source_map/structure_index.hpp"

namespace appflow_lint::secrets {

struct RedactedPointer {
  std::string pointer;    // up to the object holding the hidden key
  std::string holder;     // that object's name, for the message ("credentialsMap")
  std::size_t entry = 0;  // 1-based position of the hidden member in it
};

// std::nullopt when `pointer` names no hidden key. With `index` (source text), the
// position counts members in document order; without, in the parsed object's order.
std::optional<RedactedPointer> redact_pointer(const SecretPolicy& policy, const nlohmann::json& document,
                                              std::string_view pointer, const source_map::StructureIndex* index);

}  // namespace appflow_lint::secrets
