// Rule metadata: the single source for --list-rules and the rule docs.
#pragma once

#include <span>
#include <string_view>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint {

struct RuleInfo {
  std::string_view id;        // permanent, `<area>.<kebab-case>`
  Severity severity;          // default severity
  std::string_view summary;   // one line
  std::string_view docs;      // Markdown: why, example, fix
};

// Every rule the linter can report, sorted by id.
std::span<const RuleInfo> list_rules() noexcept;

// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id) noexcept;

}  // namespace appflow_lint
