// idempotency.token-reused: its RuleInfo, for the catalog.
#pragma once

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint::rules {

extern const RuleInfo kTokenReused;

}  // namespace appflow_lint::rules
