// Factories of the arn family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_arn_iam_role();
std::unique_ptr<RuleModule> make_arn_secrets_manager_secret();
std::unique_ptr<RuleModule> make_arn_kms_key();

}  // namespace appflow_lint::rules
