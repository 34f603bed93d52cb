// The rule registry: every rule module, one line each in kModules below, in the order
// their diagnostics are reported when two start at the same byte. Each factory is
// defined in its rule file (rules/<area>/<name>.cpp) and declared here; there is no
// static self-registration. `tools/new_rule ID` adds both lines for a new rule.
#include <memory>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

std::unique_ptr<RuleModule> make_arn_iam_role();
std::unique_ptr<RuleModule> make_arn_kms_key();
std::unique_ptr<RuleModule> make_arn_secrets_manager_secret();
std::unique_ptr<RuleModule> make_customconnector_auth_blocks();
std::unique_ptr<RuleModule> make_customconnector_oauth2();
std::unique_ptr<RuleModule> make_jwt_token_checks();
std::unique_ptr<RuleModule> make_oauth_access_token_without_refresh();
std::unique_ptr<RuleModule> make_oauth_no_usable_credentials();
std::unique_ptr<RuleModule> make_oauth_request();
std::unique_ptr<RuleModule> make_pardot_business_unit_id();
std::unique_ptr<RuleModule> make_profile_connector_label_hash();
std::unique_ptr<RuleModule> make_profile_connector_label_missing();
std::unique_ptr<RuleModule> make_profile_connector_label_unused();
std::unique_ptr<RuleModule> make_profile_connector_mismatch();
std::unique_ptr<RuleModule> make_profile_connector_type();
std::unique_ptr<RuleModule> make_profile_one_connector();
std::unique_ptr<RuleModule> make_redshift_data_api();
std::unique_ptr<RuleModule> make_redshift_database_url();
std::unique_ptr<RuleModule> make_redshift_serverless_needs_workgroup();
std::unique_ptr<RuleModule> make_redshift_serverless_with_cluster();
std::unique_ptr<RuleModule> make_s3_bucket_name();
std::unique_ptr<RuleModule> make_salesforce_grant_type();
std::unique_ptr<RuleModule> make_salesforce_private_link();
std::unique_ptr<RuleModule> make_salesforce_sandbox_mismatch();
std::unique_ptr<RuleModule> make_sapodata_credentials();
std::unique_ptr<RuleModule> make_sapodata_port_scheme();
std::unique_ptr<RuleModule> make_servicenow_credentials();
std::unique_ptr<RuleModule> make_snowflake_stage_format();
std::unique_ptr<RuleModule> make_url_embedded_credentials();
std::unique_ptr<RuleModule> make_url_example_host();
std::unique_ptr<RuleModule> make_url_insecure_scheme();
std::unique_ptr<RuleModule> make_url_not_absolute();
std::unique_ptr<RuleModule> make_url_single_label_host();
std::unique_ptr<RuleModule> make_url_unexpected_host();
std::unique_ptr<RuleModule> make_value_looks_like_sample();
std::unique_ptr<RuleModule> make_value_placeholder();

namespace {

using ModuleFactory = std::unique_ptr<RuleModule> (*)();

constexpr ModuleFactory kModules[] = {
    make_profile_connector_label_missing,
    make_profile_connector_label_unused,
    make_profile_connector_mismatch,
    make_profile_connector_type,
    make_profile_one_connector,
    make_salesforce_grant_type,
    make_salesforce_sandbox_mismatch,
    make_salesforce_private_link,
    make_pardot_business_unit_id,
    make_jwt_token_checks,
    make_oauth_request,
    make_arn_iam_role,
    make_arn_secrets_manager_secret,
    make_arn_kms_key,
    make_url_not_absolute,
    make_url_insecure_scheme,
    make_url_embedded_credentials,
    make_url_unexpected_host,
    make_s3_bucket_name,
    make_value_placeholder,
    make_redshift_serverless_needs_workgroup,
    make_redshift_serverless_with_cluster,
    make_redshift_data_api,
    make_redshift_database_url,
    make_snowflake_stage_format,
    make_sapodata_credentials,
    make_sapodata_port_scheme,
    make_servicenow_credentials,
    make_customconnector_auth_blocks,
    make_customconnector_oauth2,
    make_oauth_no_usable_credentials,
    make_oauth_access_token_without_refresh,
    make_profile_connector_label_hash,
    make_value_looks_like_sample,
    make_url_example_host,
    make_url_single_label_host,
};

ModuleList build_modules() {
  ModuleList modules;
  for (const ModuleFactory make : kModules) modules.push_back(make());
  return modules;
}

}  // namespace

const ModuleList& all_modules() {
  static const ModuleList modules = build_modules();
  return modules;
}

}  // namespace appflow_lint::rules
