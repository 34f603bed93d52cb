// redshift.serverless-with-cluster: a Redshift Serverless profile names no provisioned cluster.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kServerlessWithCluster{
    .id = "redshift.serverless-with-cluster",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.0.0",
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

class ServerlessWithCluster final : public BasicRuleModule {
 public:
  ServerlessWithCluster() : BasicRuleModule({&kServerlessWithCluster}) {}

  std::string_view check_connector() const noexcept override { return "Redshift"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (!bool_member_is(properties, "isRedshiftServerless", true) ||
        member(properties, "clusterIdentifier") == nullptr) {
      return;
    }
    out.report(kServerlessWithCluster, connectors::property_pointer("Redshift", "clusterIdentifier"), Anchor::Key,
               "clusterIdentifier names a provisioned cluster, but isRedshiftServerless is true; remove "
               "clusterIdentifier (a serverless data warehouse is reached through workgroupName)")
        .suggest("remove clusterIdentifier");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_serverless_with_cluster() {
  return std::make_unique<ServerlessWithCluster>();
}

}  // namespace appflow_lint::rules
