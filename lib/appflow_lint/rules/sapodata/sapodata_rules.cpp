// The sapodata rule family: the modules it registers.
#include "appflow_lint/rules/sapodata/sapodata_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_sapodata_rules(ModuleList& out) {
  out.push_back(make_sapodata_credentials());
  out.push_back(make_sapodata_port_scheme());
}

}  // namespace appflow_lint::rules
