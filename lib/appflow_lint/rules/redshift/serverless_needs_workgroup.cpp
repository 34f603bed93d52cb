// redshift.serverless-needs-workgroup: a Redshift Serverless profile names its workgroup.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kServerlessNeedsWorkgroup{
    .id = "redshift.serverless-needs-workgroup",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A Redshift Serverless profile without workgroupName",
    .docs = R"md(With `isRedshiftServerless: true` AppFlow reaches the data warehouse through
its Redshift Serverless workgroup, so `workgroupName` must name it (a serverless
data warehouse has no cluster identifier). Without it AppFlow cannot tell which
workgroup to connect to and the profile fails. The diagnostic points at the
`true` of `isRedshiftServerless`. Add `workgroupName`, or set
`isRedshiftServerless` to `false` for a provisioned cluster.)md",
    .applies_to = "Redshift",
    .source =
        "the service model's documentation of RedshiftConnectorProfileProperties "
        "(isRedshiftServerless, workgroupName, clusterIdentifier)",
    .failing_example = R"json("Redshift": {"isRedshiftServerless": true, "databaseName": "analytics", ...})json",
    .passing_example =
        R"json("Redshift": {"isRedshiftServerless": true, "workgroupName": "analytics-wg", "databaseName": "analytics", ...})json",
};

class ServerlessNeedsWorkgroup final : public BasicRuleModule {
 public:
  ServerlessNeedsWorkgroup() : BasicRuleModule({&kServerlessNeedsWorkgroup}) {}

  std::string_view check_connector() const noexcept override { return "Redshift"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (!bool_member_is(properties, "isRedshiftServerless", true) || member(properties, "workgroupName") != nullptr) {
      return;
    }
    out.report(kServerlessNeedsWorkgroup, connectors::property_pointer("Redshift", "isRedshiftServerless"),
               Anchor::Value,
               "isRedshiftServerless is true but workgroupName is missing; add workgroupName, the Redshift "
               "Serverless workgroup to connect to");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_serverless_needs_workgroup() {
  return std::make_unique<ServerlessNeedsWorkgroup>();
}

}  // namespace appflow_lint::rules
