// salesforce.private-link-in-public-mode: PrivateLink for metadata and authorization
// calls needs a private connection.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kPrivateLinkInPublicMode{
    .id = "salesforce.private-link-in-public-mode",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "usePrivateLinkForMetadataAndAuthorization is true in a Public connection",
    .docs = R"md(`usePrivateLinkForMetadataAndAuthorization` applies "if the connection mode for
the connector profile is private": it sends metadata and token calls over AWS
PrivateLink as well. With `connectionMode` `Public` there is no private
connection, so the flag has no effect and the profile is probably not what was
meant. Set `connectionMode` to `Private` (with a Salesforce org that has
PrivateLink set up), or set the flag to `false` or remove it. The range covers
the flag's value.)md",
    .applies_to = "Salesforce",
    .source =
        "the service model's documentation of SalesforceConnectorProfileProperties."
        "usePrivateLinkForMetadataAndAuthorization",
    .failing_example =
        R"json("connectionMode": "Public", ... "Salesforce": {"instanceUrl": "https://acme.my.salesforce.com", "usePrivateLinkForMetadataAndAuthorization": true})json",
    .passing_example =
        R"json("connectionMode": "Private", ... "Salesforce": {"instanceUrl": "https://acme.my.salesforce.com", "usePrivateLinkForMetadataAndAuthorization": true})json",
};

class PrivateLink final : public BasicRuleModule {
 public:
  PrivateLink() : BasicRuleModule({&kPrivateLinkInPublicMode}) {}

  std::string_view check_connector() const noexcept override { return "Salesforce"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Salesforce");
    if (!bool_member_is(properties, "usePrivateLinkForMetadataAndAuthorization", true)) return;
    const auto mode = string_member(&context.document, "connectionMode");
    if (!mode || *mode != "Public") return;  // absent or not in the enum: the schema's to report
    out.report(kPrivateLinkInPublicMode,
               connectors::property_pointer("Salesforce", "usePrivateLinkForMetadataAndAuthorization"), Anchor::Value,
               "usePrivateLinkForMetadataAndAuthorization is true but connectionMode is Public, so there is no "
               "private connection to use; set connectionMode to Private, or set this to false")
        .suggest("set connectionMode to Private, or usePrivateLinkForMetadataAndAuthorization to false");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_salesforce_private_link() { return std::make_unique<PrivateLink>(); }

}  // namespace appflow_lint::rules
