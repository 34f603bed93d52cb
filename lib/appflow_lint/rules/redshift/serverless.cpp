// redshift.serverless-needs-workgroup / redshift.serverless-with-cluster: a Redshift
// Serverless profile names a workgroup, not a provisioned cluster.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kServerlessNeedsWorkgroup{
    .id = "redshift.serverless-needs-workgroup",
    .severity = Severity::Error,
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

const RuleInfo kServerlessWithCluster{
    .id = "redshift.serverless-with-cluster",
    .severity = Severity::Warning,
    .summary = "clusterIdentifier on a Redshift Serverless profile",
    .docs = R"md(`clusterIdentifier` names a provisioned Redshift cluster; a Redshift Serverless
data warehouse (`isRedshiftServerless: true`) is reached through `workgroupName`
instead, so the cluster identifier is ignored at best, and usually means the
profile mixes up two data warehouses. The diagnostic points at the
`clusterIdentifier` key. Remove it, or set `isRedshiftServerless` to `false` if
the target is a provisioned cluster.)md",
    .applies_to = "Redshift",
    .source =
        "the service model's documentation of RedshiftConnectorProfileProperties "
        "(isRedshiftServerless, workgroupName, clusterIdentifier)",
    .failing_example =
        R"json("Redshift": {"isRedshiftServerless": true, "workgroupName": "analytics-wg", "clusterIdentifier": "analytics-cluster", ...})json",
    .passing_example = R"json("Redshift": {"isRedshiftServerless": true, "workgroupName": "analytics-wg", ...})json",
};

class Serverless final : public BasicRuleModule {
 public:
  Serverless() : BasicRuleModule({&kServerlessNeedsWorkgroup, &kServerlessWithCluster}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (!bool_member_is(properties, "isRedshiftServerless", true)) return;
    if (member(properties, "workgroupName") == nullptr) {
      out.report(kServerlessNeedsWorkgroup, connectors::property_pointer("Redshift", "isRedshiftServerless"),
                 Anchor::Value,
                 "isRedshiftServerless is true but workgroupName is missing; add workgroupName, the Redshift "
                 "Serverless workgroup to connect to");
    }
    if (member(properties, "clusterIdentifier") != nullptr) {
      out.report(kServerlessWithCluster, connectors::property_pointer("Redshift", "clusterIdentifier"), Anchor::Key,
                 "clusterIdentifier names a provisioned cluster, but isRedshiftServerless is true; remove "
                 "clusterIdentifier (a serverless data warehouse is reached through workgroupName)")
          .suggest("remove clusterIdentifier");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_serverless() { return std::make_unique<Serverless>(); }

}  // namespace appflow_lint::rules
