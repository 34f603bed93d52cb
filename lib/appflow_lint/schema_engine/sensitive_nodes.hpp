// Where a document holds values the model marks sensitive, so that no output
// ever echoes them (text output masks them in the source lines it quotes).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/pending_diagnostic.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"

namespace appflow_lint::schema_engine {

using SensitiveNode = std::pair<std::string, Anchor>;  // pointer, and whether the key or the value

// Values whose schema is marked x-appflow-sensitive (a whole subtree when an
// object is), and the keys of maps whose key schema is.
std::vector<SensitiveNode> find_sensitive_nodes(const CompiledSchema& schema,
                                                const nlohmann::json& document);

// Whether the keys of the object at `pointer_tokens` are sensitive (credentialsMap).
bool has_sensitive_keys(const CompiledSchema& schema, const std::vector<std::string>& pointer_tokens);

}  // namespace appflow_lint::schema_engine
