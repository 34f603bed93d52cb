// Factories of the url family (one per rule file).
#pragma once

#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_url_not_absolute();
std::unique_ptr<RuleModule> make_url_insecure_scheme();
std::unique_ptr<RuleModule> make_url_embedded_credentials();
std::unique_ptr<RuleModule> make_url_unexpected_host();

}  // namespace appflow_lint::rules
