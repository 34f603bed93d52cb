// The servicenow rule family: the modules it registers.
#include "appflow_lint/rules/servicenow/servicenow_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_servicenow_rules(ModuleList& out) { out.push_back(make_servicenow_credentials()); }

}  // namespace appflow_lint::rules
