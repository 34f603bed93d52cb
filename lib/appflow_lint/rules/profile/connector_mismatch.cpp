// profile.connector-mismatch: credentials for another connector than the properties.
#include <memory>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/configured_connector.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kConnectorMismatch{
    .id = "profile.connector-mismatch",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "connectorProfileCredentials names another connector than the properties",
    .docs = R"md(The credentials of a profile belong to the connector its properties configure.
Credentials for a different connector are rejected (or, at best, ignored while the
configured connector has none). The range covers the credentials member.)md",
    .applies_to = "all connectors",
    .source = "the service model's documentation of ConnectorProfileConfig",
    .failing_example =
        R"json("connectorProfileProperties": {"Salesforce": {...}}, "connectorProfileCredentials": {"Slack": {...}})json",
    .passing_example =
        R"json("connectorProfileProperties": {"Salesforce": {...}}, "connectorProfileCredentials": {"Salesforce": {...}})json",
};

class ConnectorMismatch final : public BasicRuleModule {
 public:
  ConnectorMismatch() : BasicRuleModule({&kConnectorMismatch}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    const auto& configured = context.connectors.configured;
    if (configured.empty()) return;  // profile.one-connector reports that
    for (const auto& credential : context.connectors.credentialed) {
      const bool matches = std::any_of(configured.begin(), configured.end(),
                                       [&](const auto& property) { return property.row == credential.row; });
      if (!matches) {
        out.report(kConnectorMismatch, connectors::credential_pointer(credential.member), Anchor::Key,
                   "credentials are for {}, but the profile's properties configure {}", credential.row->member,
                   configured.front().row->member);
      }
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_connector_mismatch() { return std::make_unique<ConnectorMismatch>(); }

}  // namespace appflow_lint::rules
