// The salesforce family's modules (rules/salesforce/salesforce_rules.cpp lists them).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_salesforce_grant_type();
std::unique_ptr<RuleModule> make_salesforce_sandbox_mismatch();
std::unique_ptr<RuleModule> make_salesforce_private_link();
std::unique_ptr<RuleModule> make_pardot_business_unit_id();

}  // namespace appflow_lint::rules
