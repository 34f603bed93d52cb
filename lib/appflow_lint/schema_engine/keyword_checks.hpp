// Classifies a node that valijson rejected: re-checks the node's own subschema
// keyword by keyword and reports each broken keyword under its schema.* rule.
// (valijson's errors carry only English text; classifying by wording would break.)
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::schema_engine {

struct CheckContext {
  const CompiledSchema& schema;
  const secrets::SecretPolicy& secrets;
  std::string_view operation_name;
  // The root members of the other operation's request schema, sorted: an unknown root
  // member that it defines gets "is a member of <other operation>" in its message.
  std::span<const std::string> other_root_members;
  std::string_view other_operation_name;
};

// Checks only the node's own keywords (including required, additionalProperties,
// propertyNames and map sizes over its direct members); never descends. Returns
// false when the node has the wrong type, so nothing below it applies. Messages and
// suggestions quote the node's value only when `may_quote` (the secret policy's verdict).
bool check_node(const CheckContext& context, const document::Node& node, const nlohmann::json& subschema,
                bool may_quote, const std::string& pointer, Reporter& out);

bool is_sensitive(const nlohmann::json& subschema);

}  // namespace appflow_lint::schema_engine
