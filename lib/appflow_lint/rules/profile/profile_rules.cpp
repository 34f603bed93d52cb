// The profile family: rules about which connector a profile configures.
#include "appflow_lint/rules/profile/profile_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_profile_rules(ModuleList& out) {
  out.push_back(make_profile_connector_label());
  out.push_back(make_profile_connector_mismatch());
  out.push_back(make_profile_connector_type());
  out.push_back(make_profile_one_connector());
}

}  // namespace appflow_lint::rules
