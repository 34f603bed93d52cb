// apply_rule_severities(): configuration applied after the rules ran, so rules
// never see configuration and a rule turned off costs nothing to the others.
#include <algorithm>

#include "appflow_lint/lint.hpp"

namespace appflow_lint {

void apply_rule_severities(LintResult& result, const RuleSeverities& severities) {
  if (severities.empty()) return;
  std::erase_if(result.diagnostics, [&](Diagnostic& diagnostic) {
    auto found = severities.find(diagnostic.rule);
    if (found == severities.end()) return false;
    if (!found->second) return true;
    diagnostic.severity = *found->second;
    return false;
  });
}

}  // namespace appflow_lint
