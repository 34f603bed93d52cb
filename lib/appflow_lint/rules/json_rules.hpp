// Rules about the text itself, before any schema applies.
#pragma once

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint::rules {

extern const RuleInfo kJsonSyntax;
extern const RuleInfo kJsonDuplicateKey;
extern const RuleInfo kJsonTooDeep;

}  // namespace appflow_lint::rules
