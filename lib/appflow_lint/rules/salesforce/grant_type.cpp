// salesforce.grant-type-unsupported / salesforce.jwt-bearer-needs-token /
// salesforce.jwt-token-unused / salesforce.no-usable-credentials: what the Salesforce
// credentials must carry for their OAuth 2.0 grant type. One walk, so that one
// fault gives one diagnostic (an unused jwtToken is not also "no usable credentials").
#include <memory>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/oauth/oauth_tokens.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

constexpr std::string_view kGrantTypeSource =
    "the service model's documentation of SalesforceConnectorProfileCredentials.oAuth2GrantType "
    "and .jwtToken";

const RuleInfo kGrantTypeUnsupported{
    .id = "salesforce.grant-type-unsupported",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::Sometimes,
    .since = "1.0.0",
    .summary = "oAuth2GrantType CLIENT_CREDENTIALS is not supported for Salesforce",
    .docs = R"md(The OAuth2GrantType enum is shared with custom connectors, but for Salesforce
AppFlow supports only `AUTHORIZATION_CODE` (the tokens from the connected app's
authorization flow: `accessToken`, `refreshToken` or `oAuthRequest`) and
`JWT_BEARER` (a signed `jwtToken`). The model says: "The CLIENT_CREDENTIALS value
is not supported for Salesforce." When the credentials carry a `jwtToken`, the
suggestion replaces the value with `JWT_BEARER`.)md",
    .applies_to = "Salesforce",
    .source = kGrantTypeSource,
    .failing_example =
        R"json("Salesforce": {"oAuth2GrantType": "CLIENT_CREDENTIALS", "clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow-sf"})json",
    .passing_example =
        R"json("Salesforce": {"oAuth2GrantType": "AUTHORIZATION_CODE", "refreshToken": "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrq2kmBqZ8PCbhfbx0tsUvdkpWeWt1N8v6Z", "clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow-sf"})json",
};

const RuleInfo kJwtBearerNeedsToken{
    .id = "salesforce.jwt-bearer-needs-token",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "oAuth2GrantType JWT_BEARER without jwtToken",
    .docs = R"md(With `JWT_BEARER`, AppFlow requests each access token from Salesforce by
presenting the JWT you provide in `jwtToken`; without it the profile has nothing
to authenticate with and the connection fails. Add `jwtToken` (a JWT signed with
the private key of the connected app's certificate), or use `AUTHORIZATION_CODE`
with the tokens of the authorization flow.)md",
    .applies_to = "Salesforce",
    .source = kGrantTypeSource,
    .failing_example = R"json("Salesforce": {"oAuth2GrantType": "JWT_BEARER"})json",
    .passing_example =
        R"json("Salesforce": {"oAuth2GrantType": "JWT_BEARER", "jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJl"})json",
};

const RuleInfo kJwtTokenUnused{
    .id = "salesforce.jwt-token-unused",
    .severity = Severity::Warning,
    .category = RuleCategory::Redundant,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "jwtToken with a grant type other than JWT_BEARER",
    .docs = R"md(AppFlow uses `jwtToken` only with `oAuth2GrantType` `JWT_BEARER`. With
`AUTHORIZATION_CODE`, which is also what an absent `oAuth2GrantType` means, the
token is ignored and AppFlow expects the tokens of the authorization flow
instead. Set `oAuth2GrantType` to `JWT_BEARER` if the JWT is how the profile
should authenticate, or remove `jwtToken`. (With `CLIENT_CREDENTIALS`,
`salesforce.grant-type-unsupported` reports the grant type instead.))md",
    .applies_to = "Salesforce",
    .source = kGrantTypeSource,
    .failing_example =
        R"json("Salesforce": {"jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJl"})json",
    .passing_example =
        R"json("Salesforce": {"oAuth2GrantType": "JWT_BEARER", "jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJl"})json",
};

const RuleInfo kNoUsableCredentials{
    .id = "salesforce.no-usable-credentials",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "Salesforce credentials with no token and no authorization code",
    .docs = R"md(With `oAuth2GrantType` `AUTHORIZATION_CODE` (the default when it is absent),
AppFlow authenticates with the tokens of the connected app's authorization flow:
an `accessToken`, a `refreshToken` to obtain new ones, or an `oAuthRequest` with
the `authCode` to exchange for them. Credentials with none of these (for example
only `clientCredentialsArn`, the shape of a request that means to rotate the
connected app's secret) leave AppFlow nothing to authenticate with, and the service
rejects the request: "AuthCode cannot be blank for connector: SALESFORCE". An
UpdateConnectorProfile request replaces the credentials, so it needs them too. Add the tokens
(or the authorization code and its `redirectUri`), or use `JWT_BEARER` with a
`jwtToken`. The range covers the `Salesforce` credentials member.)md",
    .applies_to = "Salesforce",
    .source =
        "the service's answer to such a request (\"AuthCode cannot be blank for connector: SALESFORCE\"); the "
        "service model's documentation of SalesforceConnectorProfileCredentials and ConnectorOAuthRequest",
    .failing_example =
        R"json("Salesforce": {"clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow-sf"})json",
    .passing_example =
        R"json("Salesforce": {"refreshToken": "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrq2kmBqZ8PCbhfbx0tsUvdkpWeWt1N8v6Z", "clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow-sf"})json",
};

class GrantType final : public BasicRuleModule {
 public:
  GrantType()
      : BasicRuleModule({&kGrantTypeUnsupported, &kJwtBearerNeedsToken, &kJwtTokenUnused, &kNoUsableCredentials}) {}

  std::string_view check_connector() const noexcept override { return "Salesforce"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* credentials = object_member(context.credentials, "Salesforce");
    if (credentials == nullptr) return;
    const auto grant = string_member(credentials, "oAuth2GrantType");
    if (!grant && member(credentials, "oAuth2GrantType") != nullptr) return;  // schema.type's
    const std::string_view grant_type = grant.has_value() ? std::string_view(*grant) : "AUTHORIZATION_CODE";
    const bool has_jwt = member(credentials, "jwtToken") != nullptr;
    // Pointers are written only for a report: most requests pass.
    const auto grant_pointer = [] { return connectors::credential_pointer("Salesforce", "oAuth2GrantType"); };

    if (grant_type == "CLIENT_CREDENTIALS") {
      auto& reported = out.report(kGrantTypeUnsupported, grant_pointer(), Anchor::Value,
                                  "oAuth2GrantType CLIENT_CREDENTIALS is not supported for Salesforce; use "
                                  "AUTHORIZATION_CODE (with the tokens of the authorization flow) or JWT_BEARER "
                                  "(with jwtToken)");
      if (has_jwt) reported.suggest("use JWT_BEARER, since the credentials carry jwtToken", "\"JWT_BEARER\"");
    } else if (grant_type == "JWT_BEARER") {
      if (!has_jwt) {
        out.report(kJwtBearerNeedsToken, grant_pointer(), Anchor::Value,
                   "oAuth2GrantType JWT_BEARER needs jwtToken in the Salesforce credentials: add the signed "
                   "JWT, or use AUTHORIZATION_CODE with the tokens of the authorization flow");
      }
    } else if (grant_type == "AUTHORIZATION_CODE") {
      check_authorization_code(*credentials, grant.has_value(), has_jwt, out);
    }  // another value is schema.enum's to report
  }

 private:
  static void check_authorization_code(const document::Node& credentials, bool explicit_grant, bool has_jwt,
                                       Reporter& out) {
    const std::string_view grant_words = explicit_grant ? "with oAuth2GrantType AUTHORIZATION_CODE"
                                                        : "without oAuth2GrantType (which means AUTHORIZATION_CODE)";
    if (has_jwt) {
      out.report(kJwtTokenUnused, connectors::credential_pointer("Salesforce", "jwtToken"), Anchor::Key,
                 "jwtToken is ignored {}; set oAuth2GrantType to JWT_BEARER to authenticate with it, or "
                 "remove jwtToken",
                 grant_words);
      return;
    }
    if (oauth::carries_tokens_or_code(credentials)) return;
    out.report(kNoUsableCredentials, connectors::credential_pointer("Salesforce"), Anchor::Key,
               "the Salesforce credentials have no accessToken, refreshToken or oAuthRequest.authCode, which "
               "AppFlow needs {}, and the service rejects them (\"AuthCode cannot be blank for connector: "
               "SALESFORCE\"); add the tokens of the connected app's authorization flow, or use JWT_BEARER "
               "with jwtToken",
               grant_words);
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_salesforce_grant_type() { return std::make_unique<GrantType>(); }

}  // namespace appflow_lint::rules
