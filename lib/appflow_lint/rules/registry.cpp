#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {
namespace {

ModuleList build_modules() {
  ModuleList modules;
  add_profile_rules(modules);
  add_salesforce_rules(modules);
  add_jwt_rules(modules);
  add_oauth_rules(modules);
  add_arn_rules(modules);
  add_url_rules(modules);
  add_s3_rules(modules);
  add_placeholder_rules(modules);
  add_redshift_rules(modules);
  add_snowflake_rules(modules);
  add_sapodata_rules(modules);
  add_servicenow_rules(modules);
  add_customconnector_rules(modules);
  return modules;
}

}  // namespace

const ModuleList& all_modules() {
  static const ModuleList modules = build_modules();
  return modules;
}

}  // namespace appflow_lint::rules
