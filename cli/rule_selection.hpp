// --select / --ignore and the configuration's "select" / "ignoreRules": which rules
// run, by id (`schema.required`), id prefix (`schema`, `jwt`: every `schema.*` rule)
// or glob (`salesforce.*`, fnmatch(3)). As ruff: a select narrows the rules to those
// it names, an ignore removes rules from what is selected; an explicit severity
// (`rules`, --rule ID=SEVERITY) still wins, since it is applied afterwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "appflow_lint/lint.hpp"

namespace appflow_lint::cli {

struct RuleSelection {
  std::optional<std::vector<std::string>> select;  // std::nullopt: every rule
  std::vector<std::string> ignore;
};

// Splits comma-separated patterns ("schema,jwt" → "schema", "jwt"), dropping empty ones.
std::vector<std::string> split_rule_patterns(const std::vector<std::string>& values);

// False with `error` set ("--select 'jwtt' matches no rule; did you mean 'jwt'?") when
// a pattern matches no rule; `what` names where the patterns come from.
bool check_rule_patterns(const std::vector<std::string>& patterns, const std::string& what, std::string& error);

// The rules `selection` turns off, as severities that say so (the form --rule ID=off
// takes, which the linter's rule configuration applies).
RuleSeverities rules_turned_off(const RuleSelection& selection);

}  // namespace appflow_lint::cli
