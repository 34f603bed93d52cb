// The customconnector rule family: the modules it registers.
#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_customconnector_rules(ModuleList& out) { (void)out; }

}  // namespace appflow_lint::rules
