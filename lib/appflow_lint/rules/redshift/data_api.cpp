// redshift.data-api-needs-cluster / redshift.data-api-needs-database: a profile that
// reaches Redshift through the Data API (dataApiRoleArn) names what the Data API
// addresses: the cluster (provisioned) and the database.
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

const RuleInfo kDataApiNeedsDatabase{
    .id = "redshift.data-api-needs-database",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "dataApiRoleArn without databaseName",
    .docs = R"md(With `dataApiRoleArn` AppFlow runs its statements through the Amazon Redshift
Data API, and every Data API statement names the database it runs in, for a
provisioned cluster and for a Redshift Serverless workgroup alike. Without
`databaseName` AppFlow has no database to connect to. The diagnostic points at the
`dataApiRoleArn` key. Add `databaseName` (the database the flows read or write,
`dev` on a new cluster).)md",
    .applies_to = "Redshift",
    .source =
        "the service model's documentation of RedshiftConnectorProfileProperties "
        "(dataApiRoleArn, databaseName)",
    .failing_example =
        R"json("Redshift": {"dataApiRoleArn": "arn:aws:iam::123456789012:role/AppFlowRedshiftDataApiRole", "clusterIdentifier": "analytics-cluster", ...})json",
    .passing_example =
        R"json("Redshift": {"dataApiRoleArn": "arn:aws:iam::123456789012:role/AppFlowRedshiftDataApiRole", "clusterIdentifier": "analytics-cluster", "databaseName": "analytics", ...})json",
};

class DataApi final : public BasicRuleModule {
 public:
  DataApi() : BasicRuleModule({&kDataApiNeedsCluster, &kDataApiNeedsDatabase}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (member(properties, "dataApiRoleArn") == nullptr) return;
    const std::string pointer = connectors::property_pointer("Redshift", "dataApiRoleArn");
    const bool serverless = bool_member_is(properties, "isRedshiftServerless", true);
    if (!serverless && member(properties, "clusterIdentifier") == nullptr) {
      out.report(kDataApiNeedsCluster, pointer, Anchor::Key,
                 "dataApiRoleArn makes AppFlow use the Redshift Data API, which needs clusterIdentifier for a "
                 "provisioned cluster; add clusterIdentifier (or set isRedshiftServerless to true and add "
                 "workgroupName for Redshift Serverless)");
    }
    if (member(properties, "databaseName") == nullptr) {
      out.report(kDataApiNeedsDatabase, pointer, Anchor::Key,
                 "dataApiRoleArn makes AppFlow use the Redshift Data API, which needs databaseName; add "
                 "databaseName, the database the flows use");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_data_api() { return std::make_unique<DataApi>(); }

}  // namespace appflow_lint::rules
