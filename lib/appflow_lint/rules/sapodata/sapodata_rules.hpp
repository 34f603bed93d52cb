// Factories of the sapodata family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_sapodata_credentials();
std::unique_ptr<RuleModule> make_sapodata_port_scheme();

}  // namespace appflow_lint::rules
