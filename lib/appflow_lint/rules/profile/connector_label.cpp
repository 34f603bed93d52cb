// profile.connector-label-missing / profile.connector-label-unused
// (CreateConnectorProfile): connectorLabel goes with CustomConnector only.
#include <memory>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kLabelMissing{
    .id = "profile.connector-label-missing",
    .severity = Severity::Error,
    .summary = "A CustomConnector profile without connectorLabel",
    .docs = R"md(For `connectorType` `CustomConnector`, `connectorLabel` names the registered
custom connector the profile is for; without it AppFlow cannot tell which one.
The diagnostic points at `connectorType`.)md",
    .applies_to = "CustomConnector (CreateConnectorProfile)",
    .source = "the service model's documentation of CreateConnectorProfileRequest.connectorLabel",
    .failing_example = R"json("connectorType": "CustomConnector")json",
    .passing_example = R"json("connectorType": "CustomConnector", "connectorLabel": "my_connector")json",
};

const RuleInfo kLabelUnused{
    .id = "profile.connector-label-unused",
    .severity = Severity::Warning,
    .summary = "connectorLabel on a profile that is not a CustomConnector",
    .docs = R"md(`connectorLabel` is only read for custom connectors; on any other
`connectorType` it has no effect and usually means the type is wrong.)md",
    .applies_to = "all connectors but CustomConnector (CreateConnectorProfile)",
    .source = "the service model's documentation of CreateConnectorProfileRequest.connectorLabel",
    .failing_example = R"json("connectorType": "Salesforce", "connectorLabel": "my_connector")json",
    .passing_example = R"json("connectorType": "Salesforce")json",
};

class ConnectorLabel final : public BasicRuleModule {
 public:
  ConnectorLabel() : BasicRuleModule({&kLabelMissing, &kLabelUnused}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    if (context.operation != Operation::CreateConnectorProfile) return;
    const auto type = string_member(&context.document, "connectorType");
    if (!type) return;
    const bool has_label = member(&context.document, "connectorLabel") != nullptr;
    if (*type == "CustomConnector" && !has_label) {
      out.report(kLabelMissing, "/connectorType", Anchor::Value,
                 "connectorType CustomConnector needs connectorLabel, the name of the registered connector");
    } else if (*type != "CustomConnector" && has_label) {
      out.report(kLabelUnused, "/connectorLabel", Anchor::Key,
                 "connectorLabel has no effect for connectorType {}; it names custom connectors only", *type)
          .suggest("remove connectorLabel");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_connector_label() { return std::make_unique<ConnectorLabel>(); }

}  // namespace appflow_lint::rules
