// The oauth family's modules (rules/oauth/oauth_rules.cpp lists them).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_oauth_request();

}  // namespace appflow_lint::rules
