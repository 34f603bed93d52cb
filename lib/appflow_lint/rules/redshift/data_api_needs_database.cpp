// redshift.data-api-needs-database: a profile that reaches Redshift through the Data API
// (dataApiRoleArn) names the database its statements run in.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

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

class DataApiNeedsDatabase final : public BasicRuleModule {
 public:
  DataApiNeedsDatabase() : BasicRuleModule({&kDataApiNeedsDatabase}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Redshift");
    if (member(properties, "dataApiRoleArn") == nullptr || member(properties, "databaseName") != nullptr) return;
    out.report(kDataApiNeedsDatabase, connectors::property_pointer("Redshift", "dataApiRoleArn"), Anchor::Key,
               "dataApiRoleArn makes AppFlow use the Redshift Data API, which needs databaseName; add "
               "databaseName, the database the flows use");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_data_api_needs_database() { return std::make_unique<DataApiNeedsDatabase>(); }

}  // namespace appflow_lint::rules
