// Factories of the customconnector family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_customconnector_auth_blocks();
std::unique_ptr<RuleModule> make_customconnector_oauth2();

}  // namespace appflow_lint::rules
