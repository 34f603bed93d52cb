// The one traversal of a request. At every node the walk
//   1. works out what output may echo of it (the secret policy),
//   2. checks it against its compiled subschema and, where that fails, reports each
//      broken keyword (schema_engine/keyword_checks) and marks the node faulted,
//   3. hands it to the rule modules subscribed to its place in the schema, or to every
//      string value.
// Rules that need the whole request (cross-field checks) run after it, on the same
// tree, reading the faulted marks instead of the diagnostics.
#pragma once

#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/engine/path.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::engine {

// Which modules see which nodes, and which check whole requests, resolved once per
// Linter from the modules' subscriptions (member paths in the schema, every string,
// check() with its connector).
class Dispatch {
 public:
  Dispatch(const schema_engine::CompiledSchema& schema, const std::vector<const rules::RuleModule*>& modules);

  const std::vector<const rules::RuleModule*>& at(const schema_engine::SchemaNode& node) const {
    return by_schema_node_[node.index];
  }
  const std::vector<const rules::RuleModule*>& strings() const noexcept { return strings_; }

  // A module's check() with the connector it is for (RuleModule::check_connector(),
  // asked here once, so that no request reads a vtable to learn it).
  struct RequestCheck {
    const rules::RuleModule* module;
    std::string_view connector;  // empty: every request
  };
  // Every module, in registry order.
  const std::vector<RequestCheck>& request_checks() const noexcept { return request_checks_; }

 private:
  std::vector<std::vector<const rules::RuleModule*>> by_schema_node_;
  std::vector<const rules::RuleModule*> strings_;
  std::vector<RequestCheck> request_checks_;
};

struct WalkInput {
  const schema_engine::CheckContext& check;
  const Dispatch& dispatch;
  const rules::RuleContext& rules;
};

// Returns false when the schema reported something.
bool walk_document(const WalkInput& input, const document::Node& root, Reporter& out);

}  // namespace appflow_lint::engine
