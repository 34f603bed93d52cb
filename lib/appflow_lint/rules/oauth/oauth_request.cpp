// oauth.auth-code-without-redirect / oauth.empty-request: the oAuthRequest
// (ConnectorOAuthRequest) of every credentials object that can carry one.
#include <memory>
#include <string>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/oauth/oauth_tokens.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

constexpr std::string_view kAppliesTo =
    "Salesforce, Pardot, GoogleAnalytics, Honeycode, Marketo, Slack, Zendesk, SAPOData (oAuthCredentials), "
    "ServiceNow (oAuth2Credentials), CustomConnector (oauth2)";

const RuleInfo kAuthCodeWithoutRedirect{
    .id = "oauth.auth-code-without-redirect",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "oAuthRequest.authCode without redirectUri",
    .docs = R"md(AppFlow exchanges `oAuthRequest.authCode` for tokens at the connector's token
endpoint. In the OAuth 2.0 authorization code grant, that exchange must send the
same `redirect_uri` that the authorization request used, and providers (Salesforce,
Google, Slack, Zendesk...) reject the exchange without it. Add `redirectUri`, the
URL the authorization server redirected to with the code (for codes obtained
through the AppFlow console, typically
`https://us-east-1.console.aws.amazon.com/appflow/oauth` with your Region). The range covers the
`authCode` member's key; its value is never shown.)md",
    .applies_to = kAppliesTo,
    .source =
        "RFC 6749 section 4.1.3 (redirect_uri in the access token request); the service model's "
        "documentation of ConnectorOAuthRequest",
    .failing_example = R"json("oAuthRequest": {"authCode": "aPrx4sgoM2Nd1zWeFVlOWleWZ5rDxMjE1Ng"})json",
    .passing_example =
        R"json("oAuthRequest": {"authCode": "aPrx4sgoM2Nd1zWeFVlOWleWZ5rDxMjE1Ng", "redirectUri": "https://us-east-1.console.aws.amazon.com/appflow/oauth"})json",
};

const RuleInfo kEmptyRequest{
    .id = "oauth.empty-request",
    .severity = Severity::Warning,
    .category = RuleCategory::Redundant,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "An empty oAuthRequest",
    .docs = R"md(`oAuthRequest` carries the authorization code (`authCode`) and its
`redirectUri` for AppFlow to exchange for tokens. An empty object asks for
nothing; it is usually a leftover of a template, or a sign that the code was
meant to be filled in. Remove `oAuthRequest`, or add `authCode` and
`redirectUri`. The range covers the member's key.)md",
    .applies_to = kAppliesTo,
    .source = "the service model's documentation of ConnectorOAuthRequest",
    .failing_example = R"json("oAuthRequest": {})json",
    .passing_example =
        R"json("oAuthRequest": {"authCode": "aPrx4sgoM2Nd1zWeFVlOWleWZ5rDxMjE1Ng", "redirectUri": "https://us-east-1.console.aws.amazon.com/appflow/oauth"})json",
};

class OAuthRequest final : public BasicRuleModule {
 public:
  OAuthRequest() : BasicRuleModule({&kAuthCodeWithoutRedirect, &kEmptyRequest}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    // Every credentials object that can carry an oAuthRequest: the connector table's
    // oauth_request_holder column.
    for (const auto& [listed, credentials] : context.connectors.credentials) {
      const connectors::ConnectorRow& row = *listed;
      const document::Node* holder = oauth::holder_in(row, *credentials);
      const document::Node* request = object_member(holder, "oAuthRequest");
      if (request == nullptr) continue;
      const bool empty = request->size() == 0;
      const bool lacks_redirect =
          !empty && member(request, "authCode") != nullptr && member(request, "redirectUri") == nullptr;
      if (!empty && !lacks_redirect) continue;  // the pointer is written only for a report
      const std::string pointer =
          json_pointer::child(connectors::credential_pointer(row.member, *row.oauth_request_holder), "oAuthRequest");
      if (empty) {
        out.report(kEmptyRequest, pointer, Anchor::Key,
                   "oAuthRequest is empty; remove it, or add the authCode to exchange and its redirectUri")
            .suggest("remove oAuthRequest");
      } else {
        out.report(kAuthCodeWithoutRedirect, json_pointer::child(pointer, "authCode"), Anchor::Key,
                   "oAuthRequest has authCode but no redirectUri; add redirectUri, the redirect URL the "
                   "authorization request used, which the token exchange must repeat");
      }
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_oauth_request() { return std::make_unique<OAuthRequest>(); }

}  // namespace appflow_lint::rules
