// profile.connector-type-mismatch (CreateConnectorProfile): connectorType must name
// the connector the profile configures, in the ConnectorType enum's spelling.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/configured_connector.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kConnectorTypeMismatch{
    .id = "profile.connector-type-mismatch",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::Sometimes,
    .since = "1.0.0",
    .summary = "connectorType does not name the connector the profile configures",
    .docs = R"md(In CreateConnectorProfile, `connectorType` must be the connector whose properties
the profile carries. The ConnectorType enum spells some connectors differently from
the property members: `Googleanalytics` for `GoogleAnalytics`, `Servicenow` for
`ServiceNow`, `Infornexus` for `InforNexus`. Types without connector-specific
members (`S3`, `EventBridge`, `LookoutMetrics`, `Upsolver`, `CustomerProfiles`)
take an empty `connectorProfileProperties`. The suggestion replaces the type with
the configured connector's spelling.)md",
    .applies_to = "all connectors (CreateConnectorProfile)",
    .source = "the service model: ConnectorType enum and ConnectorProfileProperties members",
    .failing_example =
        R"json("connectorType": "Salesforce", "connectorProfileConfig": {"connectorProfileProperties": {"GoogleAnalytics": {}}})json",
    .passing_example =
        R"json("connectorType": "Googleanalytics", "connectorProfileConfig": {"connectorProfileProperties": {"GoogleAnalytics": {}}})json",
};

bool has_no_profile_members(std::string_view type) {
  const auto none = connectors::types_without_profile_members();
  return std::find(none.begin(), none.end(), type) != none.end();
}

class ConnectorType final : public BasicRuleModule {
 public:
  ConnectorType() : BasicRuleModule({&kConnectorTypeMismatch}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    if (context.operation != Operation::CreateConnectorProfile) return;
    const auto type = string_member(&context.document, "connectorType");
    if (!type) return;
    const auto& configured = context.connectors.configured;
    if (configured.empty()) return;
    const connectors::ConnectorRow& meant = *configured.front().row;
    if (has_no_profile_members(*type)) {
      out.report(kConnectorTypeMismatch, "/connectorType", Anchor::Value,
                 "connectorType {} takes no connector-specific properties, but connectorProfileProperties "
                 "configures {}",
                 *type, meant.member);
      return;
    }
    const connectors::ConnectorRow* row = connectors::find_by_connector_type(*type);
    if (row == nullptr || row == &meant) return;  // an unknown type is schema.enum's to report
    out.report(kConnectorTypeMismatch, "/connectorType", Anchor::Value,
               "connectorType {} does not match the configured connector {} (connectorType {})", *type, meant.member,
               meant.connector_type)
        .suggest(fmt::format("use connectorType {}", meant.connector_type),
                 nlohmann::json(meant.connector_type).dump());
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_connector_type() { return std::make_unique<ConnectorType>(); }

}  // namespace appflow_lint::rules
