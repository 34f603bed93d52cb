// Factories of the placeholder family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_value_placeholder();

}  // namespace appflow_lint::rules
