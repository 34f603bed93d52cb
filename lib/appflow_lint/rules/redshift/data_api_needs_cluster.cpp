// redshift.data-api-needs-cluster: a provisioned-cluster profile that reaches Redshift
// through the Data API (dataApiRoleArn) names the cluster the Data API addresses.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kDataApiNeedsCluster{
    .id = "redshift.data-api-needs-cluster",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "dataApiRoleArn on a provisioned-cluster profile without clusterIdentifier",
    .docs = R"md(With `dataApiRoleArn` AppFlow runs its statements through the Amazon Redshift
Data API, which addresses a provisioned cluster by its identifier. A profile that is
not serverless (`isRedshiftServerless` absent or `false`) therefore needs
`clusterIdentifier`; without it AppFlow cannot reach the cluster. The diagnostic
points at the `dataApiRoleArn` key. Add `clusterIdentifier`, or, for Redshift
Serverless, set `isRedshiftServerless: true` with `workgroupName`.)md",
    .applies_to = "Redshift",
    .source =
        "the service model's documentation of RedshiftConnectorProfileProperties "
        "(dataApiRoleArn, clusterIdentifier, isRedshiftServerless)",
    .failing_example =
        R"json("Redshift": {"dataApiRoleArn": "arn:aws:iam::123456789012:role/AppFlowRedshiftDataApiRole", "databaseName": "analytics", ...})json",
    .passing_example =
        R"json("Redshift": {"dataApiRoleArn": "arn:aws:iam::123456789012:role/AppFlowRedshiftDataApiRole", "clusterIdentifier": "analytics-cluster", "databaseName": "analytics", ...})json",
};

class DataApiNeedsCluster final : public BasicRuleModule {
 public:
  DataApiNeedsCluster() : BasicRuleModule({&kDataApiNeedsCluster}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (member(properties, "dataApiRoleArn") == nullptr || bool_member_is(properties, "isRedshiftServerless", true) ||
        member(properties, "clusterIdentifier") != nullptr) {
      return;
    }
    out.report(kDataApiNeedsCluster, connectors::property_pointer("Redshift", "dataApiRoleArn"), Anchor::Key,
               "dataApiRoleArn makes AppFlow use the Redshift Data API, which needs clusterIdentifier for a "
               "provisioned cluster; add clusterIdentifier (or set isRedshiftServerless to true and add "
               "workgroupName for Redshift Serverless)");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_data_api_needs_cluster() { return std::make_unique<DataApiNeedsCluster>(); }

}  // namespace appflow_lint::rules
