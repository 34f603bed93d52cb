// The url rule family: the modules it registers.
#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_url_rules(ModuleList& out) { (void)out; }

}  // namespace appflow_lint::rules
