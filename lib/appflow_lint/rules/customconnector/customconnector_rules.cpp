// The customconnector rule family: the modules it registers.
#include "appflow_lint/rules/customconnector/customconnector_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_customconnector_rules(ModuleList& out) {
  out.push_back(make_customconnector_auth_blocks());
  out.push_back(make_customconnector_oauth2());
}

}  // namespace appflow_lint::rules
