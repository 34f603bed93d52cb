// oauth.access-token-without-refresh: an access token that AppFlow cannot renew.
#include <memory>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/oauth/oauth_tokens.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kAccessTokenWithoutRefresh{
    .id = "oauth.access-token-without-refresh",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "An accessToken without the refreshToken that renews it",
    .docs = R"md(Under the authorization code grant, the provider issues a short-lived access
token together with a refresh token, and AppFlow uses the refresh token to get a new
access token when the old one expires (an hour for Google, a session's length for
Salesforce). A profile with an `accessToken` but no `refreshToken` (and no
`oAuthRequest.authCode` for AppFlow to exchange) works until that access token
expires; from then on every flow run fails with 401 `invalid_grant`. Add the
`refreshToken` issued with the access token. It is a warning, not an error: a token
that does not expire works without one. Connectors whose model has no
`refreshToken` (Slack, Zendesk, Marketo) are not checked. The range covers the
`accessToken` key; no value is shown.)md",
    .applies_to =
        "Salesforce (AUTHORIZATION_CODE), Pardot, GoogleAnalytics, Honeycode, SAPOData (oAuthCredentials), "
        "CustomConnector (oauth2 with oAuth2GrantType AUTHORIZATION_CODE)",
    .source =
        "RFC 6749 sections 1.5 and 6 (refresh tokens) and 5.2 (invalid_grant); the service model's documentation "
        "of the connectors' credentials (refreshToken: \"used to refresh an expired access token\")",
    .failing_example = R"json("GoogleAnalytics": {"clientId": "...", "clientSecret": "...", "accessToken": "..."})json",
    .passing_example =
        R"json("GoogleAnalytics": {"clientId": "...", "clientSecret": "...", "accessToken": "...", "refreshToken": "..."})json",
};

class AccessTokenWithoutRefresh final : public BasicRuleModule {
 public:
  AccessTokenWithoutRefresh() : BasicRuleModule({&kAccessTokenWithoutRefresh}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    oauth::for_each_token_holder(context, [&](const oauth::TokenHolder& tokens) {
      if (!tokens.row.issues_refresh_token || tokens.grant != "AUTHORIZATION_CODE") return;
      const document::Node& holder = tokens.holder;
      if (member(&holder, "accessToken") == nullptr || member(&holder, "refreshToken") != nullptr ||
          member(object_member(&holder, "oAuthRequest"), "authCode") != nullptr) {
        return;
      }
      out.report(kAccessTokenWithoutRefresh, json_pointer::child(tokens.pointer(), "accessToken"), Anchor::Key,
                 "the {} credentials have an accessToken but no refreshToken: the profile works until the access "
                 "token expires, then every flow run fails with 401 invalid_grant, since AppFlow cannot renew it; "
                 "add the refreshToken issued with it",
                 tokens.row.member);
    });
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_oauth_access_token_without_refresh() {
  return std::make_unique<AccessTokenWithoutRefresh>();
}

}  // namespace appflow_lint::rules
