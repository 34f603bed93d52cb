// profile.one-connector: a profile configures exactly one connector.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/configured_connector.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kOneConnector{
    .id = "profile.one-connector",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "connectorProfileProperties must name exactly one connector",
    .docs = R"md(A connector profile holds the properties and credentials of one connector.
AppFlow rejects a profile whose `connectorProfileProperties` names no connector,
or several. The diagnostic points at the properties object when none is named,
and at every connector when several are. (A profile of a type
without connector-specific members, such as `S3` in CreateConnectorProfile,
carries an empty properties object and is not reported.))md",
    .applies_to = "all connectors",
    .source = "the service model's documentation of ConnectorProfileConfig and ConnectorProfileProperties",
    .failing_example = R"json("connectorProfileProperties": {"Salesforce": {...}, "Slack": {...}})json",
    .passing_example = R"json("connectorProfileProperties": {"Salesforce": {...}})json",
};

bool type_without_members(const RuleContext& context) {
  if (context.operation != Operation::CreateConnectorProfile) return false;
  const auto type = string_member(&context.document, "connectorType");
  if (!type) return false;
  for (auto none : connectors::types_without_profile_members()) {
    if (*type == none) return true;
  }
  return false;
}

class OneConnector final : public BasicRuleModule {
 public:
  OneConnector() : BasicRuleModule({&kOneConnector}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    if (context.properties == nullptr) return;
    const auto& named = context.connectors.configured;
    if (named.empty()) {
      if (!type_without_members(context)) {
        out.report(kOneConnector, std::string(paths::kProperties), Anchor::Value,
                   "connectorProfileProperties names no connector; a profile configures exactly one "
                   "(for example Salesforce, Snowflake or CustomConnector)");
      }
      return;
    }
    if (named.size() < 2) return;
    // Every one is reported, none is "the first": a program's nlohmann::json keeps no
    // member order, and the message must not depend on the front end. Names sort by name.
    std::vector<std::string_view> names;
    for (const auto& connector : named) names.push_back(connector.member);
    std::sort(names.begin(), names.end());
    for (const auto& connector : named) {
      out.report(kOneConnector, connectors::property_pointer(connector.member), Anchor::Key,
                 "connectorProfileProperties names {} connectors ({}); a profile configures exactly one, "
                 "so each needs a profile of its own",
                 named.size(), fmt::join(names, ", "));
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_profile_one_connector() { return std::make_unique<OneConnector>(); }

}  // namespace appflow_lint::rules
