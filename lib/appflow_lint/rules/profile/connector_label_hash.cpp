// profile.connector-label-hash (CreateConnectorProfile): a '#' in connectorLabel, which
// the model allows and the service has been seen to refuse.
#include <memory>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kConnectorLabelHash{
    .id = "profile.connector-label-hash",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "A connectorLabel with '#'",
    .docs = R"md(The model gives `connectorLabel` the pattern `[a-zA-Z0-9][\w!@#.-]+`, but the
service has been seen answering a label with `#` with a validation error that quotes
`[a-zA-Z0-9][\w!@.-]+`, the same pattern without `#`. Until the two agree, a label
with `#` risks a rejected request; the label must equal the name the custom
connector was registered under, so register (or look up) a label without `#` and
use that. It is a warning, since the published model accepts it. The range covers
the value.)md",
    .applies_to = "CustomConnector (CreateConnectorProfileRequest.connectorLabel)",
    .source =
        "the service's validation error for a connectorLabel with '#' (quoting [a-zA-Z0-9][\\w!@.-]+); the "
        "service model's ConnectorLabel pattern",
    .failing_example = R"json("connectorType": "CustomConnector", "connectorLabel": "acme#crm")json",
    .passing_example = R"json("connectorType": "CustomConnector", "connectorLabel": "acme_crm")json",
};

class ConnectorLabelHash final : public BasicRuleModule {
 public:
  ConnectorLabelHash() : BasicRuleModule({&kConnectorLabelHash}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    if (context.operation != Operation::CreateConnectorProfile) return;
    const document::Node* label = member(&context.document, "connectorLabel");
    const auto text = string_member(&context.document, "connectorLabel");
    if (!text || schema_reported(label) || text->find('#') == std::string_view::npos) return;
    out.report(kConnectorLabelHash, "/connectorLabel", Anchor::Value,
               "connectorLabel contains '#': the model's pattern allows it, but the service has been seen "
               "rejecting such labels with the pattern [a-zA-Z0-9][\\w!@.-]+; use a label without '#' (the "
               "custom connector's registered name)");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_connector_label_hash() { return std::make_unique<ConnectorLabelHash>(); }

}  // namespace appflow_lint::rules
