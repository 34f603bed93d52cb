// The jwt family's modules (rules/jwt/jwt_rules.cpp lists them).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_jwt_token_checks();

}  // namespace appflow_lint::rules
