// redshift.data-api-role-missing / redshift.data-api-needs-cluster /
// redshift.data-api-needs-database: AppFlow reaches Redshift through the Data API, so a
// profile needs dataApiRoleArn and names what the Data API addresses: the cluster
// (provisioned) or the workgroup (serverless), and the database. One module, so that a
// profile missing the role gets one diagnostic that lists what else it lacks.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kDataApiRoleMissing{
    .id = "redshift.data-api-role-missing",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "A Redshift profile without dataApiRoleArn",
    .docs = R"md(AppFlow now runs its statements on Amazon Redshift through the Redshift Data
API, and the service's connection test fails a profile without `dataApiRoleArn`
with "dataApiRoleArn cannot be null or empty". The model still marks the member
optional, and the most common published Redshift profile (a JDBC `databaseUrl`,
`bucketName`, `roleArn`, a username and password, and nothing else; the Terraform
provider's own example among them) omits it. Add `dataApiRoleArn`, an IAM role
AppFlow assumes to call the Data API (it needs `redshift-data:*` statement
permissions and `redshift:GetClusterCredentials` or
`redshift-serverless:GetCredentials`), and what the Data API addresses: for a
provisioned cluster `clusterIdentifier` and `databaseName`, for Redshift Serverless
`isRedshiftServerless: true`, `workgroupName` and `databaseName`. The message lists
those the profile lacks too (a serverless profile's missing `workgroupName` is
`redshift.serverless-needs-workgroup`'s to report). The range covers the `Redshift` properties member's
key.)md",
    .applies_to = "Redshift",
    .source =
        "the service's answer to a connection test without it (\"dataApiRoleArn cannot be null or empty\"); "
        "the Amazon AppFlow User Guide's Redshift connector page (Data API role); the service model's "
        "documentation of RedshiftConnectorProfileProperties",
    .failing_example =
        R"json("Redshift": {"databaseUrl": "jdbc:redshift://analytics.c9xk2lmnop3q.us-east-1.redshift.amazonaws.com:5439/dev", "bucketName": "acme-appflow-staging", "roleArn": "arn:aws:iam::123456789012:role/AppFlowRedshift"})json",
    .passing_example =
        R"json("Redshift": {"bucketName": "acme-appflow-staging", "roleArn": "arn:aws:iam::123456789012:role/AppFlowRedshift", "dataApiRoleArn": "arn:aws:iam::123456789012:role/AppFlowRedshiftDataApi", "clusterIdentifier": "analytics", "databaseName": "dev"})json",
};

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
  DataApi() : BasicRuleModule({&kDataApiRoleMissing, &kDataApiNeedsCluster, &kDataApiNeedsDatabase}) {}

  std::string_view check_connector() const noexcept override { return "Redshift"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (properties == nullptr) return;
    const bool serverless = bool_member_is(properties, "isRedshiftServerless", true);
    if (member(properties, "dataApiRoleArn") == nullptr) {
      report_missing_role(*properties, serverless, out);
      return;
    }
    // The pointer is written only for a report: most profiles pass.
    const auto pointer = [] { return connectors::property_pointer("Redshift", "dataApiRoleArn"); };
    if (!serverless && member(properties, "clusterIdentifier") == nullptr) {
      out.report(kDataApiNeedsCluster, pointer(), Anchor::Key,
                 "dataApiRoleArn makes AppFlow use the Redshift Data API, which needs clusterIdentifier for a "
                 "provisioned cluster; add clusterIdentifier (or set isRedshiftServerless to true and add "
                 "workgroupName for Redshift Serverless)");
    }
    if (member(properties, "databaseName") == nullptr) {
      out.report(kDataApiNeedsDatabase, pointer(), Anchor::Key,
                 "dataApiRoleArn makes AppFlow use the Redshift Data API, which needs databaseName; add "
                 "databaseName, the database the flows use");
    }
  }

 private:
  static void report_missing_role(const document::Node& properties, bool serverless, Reporter& out) {
    // A serverless profile's missing workgroupName is redshift.serverless-needs-workgroup's.
    std::vector<std::string_view> missing{"dataApiRoleArn"};
    if (!serverless && member(&properties, "clusterIdentifier") == nullptr) missing.push_back("clusterIdentifier");
    if (member(&properties, "databaseName") == nullptr) missing.push_back("databaseName");
    out.report(kDataApiRoleMissing, connectors::property_pointer("Redshift"), Anchor::Key,
               "the Redshift profile has no dataApiRoleArn: AppFlow connects through the Redshift Data API, and "
               "the service fails the connection test with \"dataApiRoleArn cannot be null or empty\"; add {} "
               "(for {})",
               fmt::join(missing, ", "),
               serverless ? "Redshift Serverless, with isRedshiftServerless true" : "a provisioned cluster");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_data_api() { return std::make_unique<DataApi>(); }

}  // namespace appflow_lint::rules
