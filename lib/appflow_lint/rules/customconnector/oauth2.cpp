// customconnector.oauth2-without-properties / customconnector.client-credentials-incomplete:
// an OAUTH2 custom connector profile carries oAuth2Properties, and the client
// credentials grant carries a client ID and secret.
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kOAuth2WithoutProperties{
    .id = "customconnector.oauth2-without-properties",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "CustomConnector authenticationType OAUTH2 without oAuth2Properties",
    .docs = R"md(With `authenticationType: "OAUTH2"` the connector profile says how to obtain
tokens in the CustomConnector properties' `oAuth2Properties`: the `tokenUrl` and the
`oAuth2GrantType` (`AUTHORIZATION_CODE`, `CLIENT_CREDENTIALS` or `JWT_BEARER`).
Without it AppFlow has no token endpoint or grant type for the profile. The
diagnostic points at the `authenticationType` value; add `oAuth2Properties` to
`connectorProfileProperties.CustomConnector`.)md",
    .applies_to = "CustomConnector",
    .source =
        "the service model's documentation of CustomConnectorProfileProperties.oAuth2Properties and "
        "OAuth2Properties (tokenUrl, oAuth2GrantType)",
    .failing_example =
        R"json("connectorProfileProperties": {"CustomConnector": {"profileProperties": {...}}}, "connectorProfileCredentials": {"CustomConnector": {"authenticationType": "OAUTH2", "oauth2": {...}}})json",
    .passing_example =
        R"json("connectorProfileProperties": {"CustomConnector": {"oAuth2Properties": {"tokenUrl": "https://login.vendor.io/oauth2/token", "oAuth2GrantType": "CLIENT_CREDENTIALS"}}}, "connectorProfileCredentials": {"CustomConnector": {"authenticationType": "OAUTH2", "oauth2": {...}}})json",
};

const RuleInfo kClientCredentialsIncomplete{
    .id = "customconnector.client-credentials-incomplete",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "OAuth 2.0 client credentials grant without clientId and clientSecret",
    .docs = R"md(With `oAuth2GrantType: "CLIENT_CREDENTIALS"` AppFlow obtains tokens by
authenticating as the client itself (RFC 6749 section 4.4), so the `oauth2`
credentials must carry both `clientId` and `clientSecret`; there is no user to
authorize and no authorization code to fall back on. The diagnostic points at the
`oAuth2GrantType` value and names the missing members (never their values).
Reported when `authenticationType` is `OAUTH2` and the `oauth2` block is present
(a missing block is `customconnector.auth-block-missing`).)md",
    .applies_to = "CustomConnector",
    .source =
        "the service model's documentation of OAuth2Properties.oAuth2GrantType and OAuth2Credentials "
        "(clientId, clientSecret); RFC 6749 section 4.4 (client credentials grant)",
    .failing_example =
        R"json("oAuth2Properties": {"oAuth2GrantType": "CLIENT_CREDENTIALS", ...}, ... "oauth2": {"clientId": "appflow-sync"})json",
    .passing_example =
        R"json("oAuth2Properties": {"oAuth2GrantType": "CLIENT_CREDENTIALS", ...}, ... "oauth2": {"clientId": "appflow-sync", "clientSecret": "..."})json",
};

constexpr std::array<std::string_view, 2> kClientCredentialsMembers{"clientId", "clientSecret"};

class OAuth2 final : public BasicRuleModule {
 public:
  OAuth2() : BasicRuleModule({&kOAuth2WithoutProperties, &kClientCredentialsIncomplete}) {}

  std::string_view check_connector() const noexcept override { return "CustomConnector"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* credentials = object_member(context.credentials, "CustomConnector");
    const auto type = string_member(credentials, "authenticationType");
    if (!type || *type != "OAUTH2") return;
    const document::Node* properties = object_member(context.properties, "CustomConnector");
    if (properties == nullptr) return;
    const document::Node* oauth2_properties = member(properties, "oAuth2Properties");
    if (oauth2_properties == nullptr) {
      out.report(kOAuth2WithoutProperties, connectors::credential_pointer("CustomConnector", "authenticationType"),
                 Anchor::Value,
                 "authenticationType OAUTH2 needs oAuth2Properties (tokenUrl and oAuth2GrantType) in the "
                 "CustomConnector properties; add oAuth2Properties");
      return;
    }
    const auto grant = string_member(oauth2_properties, "oAuth2GrantType");
    const document::Node* oauth2 = object_member(credentials, "oauth2");
    if (!grant || *grant != "CLIENT_CREDENTIALS" || oauth2 == nullptr) return;
    std::vector<std::string_view> missing;
    for (const std::string_view name : kClientCredentialsMembers) {
      if (member(oauth2, name) == nullptr) missing.push_back(name);
    }
    if (missing.empty()) return;
    out.report(
        kClientCredentialsIncomplete,
        json_pointer::child(connectors::property_pointer("CustomConnector", "oAuth2Properties"), "oAuth2GrantType"),
        Anchor::Value,
        "oAuth2GrantType CLIENT_CREDENTIALS authenticates as the client, so the oauth2 credentials need "
        "clientId and clientSecret; add {} to the CustomConnector oauth2 credentials",
        fmt::join(missing, " and "));
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_customconnector_oauth2() { return std::make_unique<OAuth2>(); }

}  // namespace appflow_lint::rules
