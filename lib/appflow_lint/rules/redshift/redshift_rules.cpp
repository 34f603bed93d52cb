// The redshift rule family: the modules it registers.
#include "appflow_lint/rules/redshift/redshift_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_redshift_rules(ModuleList& out) {
  out.push_back(make_redshift_serverless());
  out.push_back(make_redshift_data_api());
  out.push_back(make_redshift_database_url());
}

}  // namespace appflow_lint::rules
