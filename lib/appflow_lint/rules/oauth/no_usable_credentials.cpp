// oauth.no-usable-credentials: an authorization-code OAuth connector whose credentials
// bring no token and no authorization code, which the service rejects.
#include <memory>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/oauth/oauth_tokens.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kNoUsableCredentials{
    .id = "oauth.no-usable-credentials",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "OAuth credentials with no token and no authorization code",
    .docs = R"md(For the connectors whose OAuth 2.0 grant is the authorization code grant, AppFlow
authenticates with what the user's authorization flow produced: an `accessToken`, a
`refreshToken` (where the connector has one), or an `oAuthRequest` whose `authCode`
AppFlow exchanges for them. `clientId` and `clientSecret` (or a
`clientCredentialsArn`) identify the app; they are not a login. Credentials with
none of the three leave AppFlow nothing to authenticate with, and the service
rejects the profile: "AuthCode cannot be blank for connector: ..." for the SaaS
connectors, a ConnectorServerException for a custom connector whose
`oAuth2GrantType` is `AUTHORIZATION_CODE`. Add the tokens, or `oAuthRequest` with
`authCode` and its `redirectUri`. Marketo is not checked: AppFlow obtains its
tokens itself with the client credentials grant. Salesforce has its own rule,
`salesforce.no-usable-credentials`, which also knows `JWT_BEARER`. The range
covers the key of the object that should hold the tokens.)md",
    .applies_to =
        "GoogleAnalytics, Honeycode, Pardot, Slack, Zendesk, SAPOData (oAuthCredentials), CustomConnector (oauth2 "
        "with oAuth2GrantType AUTHORIZATION_CODE)",
    .source =
        "the service's answers to such requests (\"AuthCode cannot be blank for connector: SALESFORCE\"; "
        "ConnectorServerException for a custom connector); RFC 6749 section 4.1 (authorization code grant); the "
        "service model's documentation of the connectors' credentials and ConnectorOAuthRequest",
    .failing_example = R"json("Zendesk": {"clientId": "appflow-integration", "clientSecret": "..."})json",
    .passing_example =
        R"json("Zendesk": {"clientId": "appflow-integration", "clientSecret": "...", "accessToken": "..."})json",
};

class NoUsableCredentials final : public BasicRuleModule {
 public:
  NoUsableCredentials() : BasicRuleModule({&kNoUsableCredentials}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    oauth::for_each_token_holder(context, [&](const oauth::TokenHolder& tokens) {
      // Salesforce: salesforce.no-usable-credentials, which knows its grant types.
      if (tokens.row.oauth_grant == connectors::OAuthGrant::CredentialsGrantType) return;
      if (tokens.grant != "AUTHORIZATION_CODE" || oauth::carries_tokens_or_code(tokens.holder)) return;
      out.report(kNoUsableCredentials, tokens.pointer(), Anchor::Key,
                 "the {} credentials have no accessToken{}, and no oAuthRequest.authCode to exchange for one: "
                 "with the authorization code grant AppFlow has nothing to authenticate with, and the service "
                 "rejects the profile; add the tokens of the authorization flow, or oAuthRequest with authCode "
                 "and redirectUri",
                 tokens.row.member, tokens.row.issues_refresh_token ? " or refreshToken" : "");
    });
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_oauth_no_usable_credentials() { return std::make_unique<NoUsableCredentials>(); }

}  // namespace appflow_lint::rules
