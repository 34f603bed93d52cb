// Factories of the profile family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_profile_one_connector();
std::unique_ptr<RuleModule> make_profile_connector_mismatch();
std::unique_ptr<RuleModule> make_profile_connector_type();
std::unique_ptr<RuleModule> make_profile_connector_label();

}  // namespace appflow_lint::rules
