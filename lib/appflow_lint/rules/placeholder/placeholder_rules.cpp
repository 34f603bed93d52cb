// The placeholder family: the modules it registers.
#include "appflow_lint/rules/placeholder/placeholder_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_placeholder_rules(ModuleList& out) { out.push_back(make_value_placeholder()); }

}  // namespace appflow_lint::rules
