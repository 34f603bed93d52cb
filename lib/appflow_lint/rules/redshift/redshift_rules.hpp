// Factories of the redshift family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_redshift_serverless();
std::unique_ptr<RuleModule> make_redshift_data_api();
std::unique_ptr<RuleModule> make_redshift_database_url();

}  // namespace appflow_lint::rules
