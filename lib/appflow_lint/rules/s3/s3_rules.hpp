// Factories of the s3 family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_s3_bucket_name();

}  // namespace appflow_lint::rules
