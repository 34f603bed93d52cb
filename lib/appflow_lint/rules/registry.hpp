// The explicit list of rule families. Each family folder defines its add_*_rules()
// (rules/<family>/<family>_rules.cpp), listing its modules; no static self-registration.
#pragma once

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

void add_profile_rules(ModuleList& out);
void add_salesforce_rules(ModuleList& out);
void add_jwt_rules(ModuleList& out);
void add_oauth_rules(ModuleList& out);
void add_arn_rules(ModuleList& out);
void add_url_rules(ModuleList& out);
void add_s3_rules(ModuleList& out);
void add_placeholder_rules(ModuleList& out);
void add_redshift_rules(ModuleList& out);
void add_snowflake_rules(ModuleList& out);
void add_sapodata_rules(ModuleList& out);
void add_servicenow_rules(ModuleList& out);
void add_customconnector_rules(ModuleList& out);

}  // namespace appflow_lint::rules
