// The salesforce rule family: Salesforce and Salesforce Pardot profiles.
#include "appflow_lint/rules/salesforce/salesforce_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_salesforce_rules(ModuleList& out) {
  out.push_back(make_salesforce_grant_type());
  out.push_back(make_salesforce_sandbox_mismatch());
  out.push_back(make_salesforce_private_link());
  out.push_back(make_pardot_business_unit_id());
}

}  // namespace appflow_lint::rules
