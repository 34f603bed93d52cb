// profile.connector-label-unused (CreateConnectorProfile): connectorLabel goes with
// CustomConnector only.
#include <memory>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kLabelUnused{
    .id = "profile.connector-label-unused",
    .severity = Severity::Warning,
    .category = RuleCategory::Redundant,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "connectorLabel on a profile that is not a CustomConnector",
    .docs = R"md(`connectorLabel` is only read for custom connectors; on any other
`connectorType` it has no effect and usually means the type is wrong.)md",
    .applies_to = "all connectors but CustomConnector (CreateConnectorProfile)",
    .source = "the service model's documentation of CreateConnectorProfileRequest.connectorLabel",
    .failing_example = R"json("connectorType": "Salesforce", "connectorLabel": "my_connector")json",
    .passing_example = R"json("connectorType": "Salesforce")json",
};

class ConnectorLabelUnused final : public BasicRuleModule {
 public:
  ConnectorLabelUnused() : BasicRuleModule({&kLabelUnused}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    if (context.operation != Operation::CreateConnectorProfile) return;
    const auto type = string_member(&context.document, "connectorType");
    if (!type || *type == "CustomConnector" || member(&context.document, "connectorLabel") == nullptr) return;
    out.report(kLabelUnused, "/connectorLabel", Anchor::Key,
               "connectorLabel has no effect for connectorType {}; it names custom connectors only", *type)
        .suggest("remove connectorLabel");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_connector_label_unused() { return std::make_unique<ConnectorLabelUnused>(); }

}  // namespace appflow_lint::rules
