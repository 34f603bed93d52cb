// The salesforce rule family: the modules it registers.
#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_salesforce_rules(ModuleList& out) { (void)out; }

}  // namespace appflow_lint::rules
