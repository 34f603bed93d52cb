// profile.connector-label-missing (CreateConnectorProfile): a CustomConnector profile
// names its registered connector in connectorLabel.
#include <memory>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kLabelMissing{
    .id = "profile.connector-label-missing",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A CustomConnector profile without connectorLabel",
    .docs = R"md(For `connectorType` `CustomConnector`, `connectorLabel` names the registered
custom connector the profile is for; without it AppFlow cannot tell which one.
The diagnostic points at `connectorType`.)md",
    .applies_to = "CustomConnector (CreateConnectorProfile)",
    .source = "the service model's documentation of CreateConnectorProfileRequest.connectorLabel",
    .failing_example = R"json("connectorType": "CustomConnector")json",
    .passing_example = R"json("connectorType": "CustomConnector", "connectorLabel": "my_connector")json",
};

class ConnectorLabelMissing final : public BasicRuleModule {
 public:
  ConnectorLabelMissing() : BasicRuleModule({&kLabelMissing}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    if (context.operation != Operation::CreateConnectorProfile) return;
    const auto type = string_member(&context.document, "connectorType");
    if (!type || *type != "CustomConnector" || member(&context.document, "connectorLabel") != nullptr) return;
    out.report(kLabelMissing, "/connectorType", Anchor::Value,
               "connectorType CustomConnector needs connectorLabel, the name of the registered connector");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_connector_label_missing() { return std::make_unique<ConnectorLabelMissing>(); }

}  // namespace appflow_lint::rules
