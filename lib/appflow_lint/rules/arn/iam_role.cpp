// arn.iam-role: Redshift roleArn / dataApiRoleArn must be an IAM role's ARN.
#include <memory>

#include <fmt/format.h>

#include "appflow_lint/rules/arn/arn_check.hpp"
#include "appflow_lint/rules/arn/role_resource.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kIamRole{
    .id = "arn.iam-role",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A Redshift role ARN that no IAM role can have",
    .docs = R"md(The model's pattern for Redshift `roleArn` and `dataApiRoleArn`
(`arn:aws:iam:.*:[0-9]+:.*`) lets through ARNs that no IAM role has. An IAM role's ARN
is `arn:<partition>:iam::<account>:role/<path/><name>`: the region part is empty (IAM
is global), the account is exactly 12 digits, and the resource is `role/` followed by
an optional path and a name of 1-64 letters, digits and `+=,.@_-`. A user, group or
policy ARN, or a role ARN with a region, is rejected when AppFlow assumes the role.
The message says which part is wrong. ARNs the schema's pattern already rejects
(another partition, a missing account) are `schema.pattern`'s to report.)md",
    .applies_to = "Redshift (roleArn, dataApiRoleArn)",
    .source =
        "IAM User Guide, IAM identifiers (ARN format arn:partition:iam::account:role/role-name-with-path; "
        "role name and path syntax); the service model's documentation of RedshiftConnectorProfileProperties "
        "roleArn and dataApiRoleArn",
    .failing_example = R"json("roleArn": "arn:aws:iam:us-east-1:123456789012:role/AppFlowRedshift")json",
    .passing_example = R"json("roleArn": "arn:aws:iam::123456789012:role/AppFlowRedshift")json",
};

// No role resource is longer: "role", a path of at most 512 characters and a name of 64.
constexpr std::size_t kLongestRoleResource = 600;

std::string role_fault(std::string_view resource, bool quote) {
  const std::string_view type = arn::resource_type(resource);
  if (type != "role") {
    if (type.empty() || !quote) return "the resource is not role/<name>";
    return fmt::format("the resource type is '{}', not role", type);
  }
  if (resource.size() > kLongestRoleResource || !arn::is_role_resource(resource)) {
    return "the role name or path is not valid (a name is 1-64 of letters, digits and +=,.@_-; a path is "
           "/.../)";
  }
  return {};
}

constexpr arn::ArnShape kRoleShape{
    .what = "an IAM role ARN",
    .service = "iam",
    .has_region = false,
    .expected = "arn:aws:iam::<12-digit account>:role/<name>",
    .resource_fault = role_fault,
};

}  // namespace

std::unique_ptr<RuleModule> make_arn_iam_role() {
  return arn::make_arn_module(kIamRole, kRoleShape,
                              {"/connectorProfileConfig/connectorProfileProperties/Redshift/roleArn",
                               "/connectorProfileConfig/connectorProfileProperties/Redshift/dataApiRoleArn"});
}

}  // namespace appflow_lint::rules
