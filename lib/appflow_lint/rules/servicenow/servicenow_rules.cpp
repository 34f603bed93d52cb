// The servicenow rule family: the modules it registers.
#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_servicenow_rules(ModuleList& out) { (void)out; }

}  // namespace appflow_lint::rules
