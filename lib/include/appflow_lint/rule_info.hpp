// Rule metadata: the single source for --list-rules, docs/rules/<id>.md and tests.
#pragma once

#include <span>
#include <string_view>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint {

struct RuleInfo {
  std::string_view id;                  // permanent, `<area>.<kebab-case>`
  Severity severity = Severity::Error;  // default severity
  std::string_view summary;             // one line
  std::string_view docs;                // Markdown: why it matters, what to do
  std::string_view applies_to;          // "all connectors", "Salesforce, Pardot", ...
  std::string_view source;              // where the fact comes from (model, RFC, AWS rule)
  std::string_view failing_example;     // a request fragment the rule reports
  std::string_view passing_example;     // the same fragment, fixed
};

// Every rule the linter can report, sorted by id.
std::span<const RuleInfo> list_rules() noexcept;

// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id) noexcept;

}  // namespace appflow_lint
