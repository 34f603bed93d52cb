// jwt.malformed / jwt.unsigned / jwt.expired / jwt.not-yet-valid: one decode of each
// jwtToken in the credentials. The token is sensitive: it is decoded in memory only,
// and messages say which part is wrong, never what it contains.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/jwt/jwt_clock.hpp"
#include "appflow_lint/rules/jwt/jwt_token.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kMalformed{
    .id = "jwt.malformed",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "jwtToken is not a well-formed JWT",
    .docs = R"md(A JSON Web Token in compact form is three base64url segments separated by dots,
`header.payload.signature`; the header and the payload each decode to a JSON
object. A `jwtToken` that is not one is rejected when AppFlow requests an access
token with it. Usual causes: a truncated copy, a token pasted with its quotes or a
`Bearer ` prefix, or a value that is not a JWT at all (an access token, a key).
Create the token again with your JWT library and paste it whole.

The message says which segment is wrong, never what it contains. A value the
schema's `jwtToken` pattern already rejects (`schema.pattern`) is not reported
again here.)md",
    .applies_to = "Salesforce (jwtToken in connectorProfileCredentials)",
    .source =
        "RFC 7519 section 7.2 and RFC 7515 section 7.1 (JWS compact serialization); "
        "the service model's JwtToken shape",
    .failing_example = R"json("jwtToken": "eyJhbGciOiJSUzI1NiJ9.c3ViamVjdA.c2ln")json",
    .passing_example =
        R"json("jwtToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIzTVZHOS4uLiJ9.c2lnbmF0dXJl")json",
};

const RuleInfo kUnsigned{
    .id = "jwt.unsigned",
    .severity = Severity::Error,
    .category = RuleCategory::Security,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "jwtToken is an unsigned JWT (alg none)",
    .docs = R"md(A JWT whose header says `"alg": "none"` carries no signature, so anyone could
have written it. Salesforce's OAuth 2.0 JWT bearer flow accepts only tokens signed
with RS256 by the private key whose certificate is uploaded to the connected app,
and rejects an unsigned one. Sign the token (RS256) and paste the signed token.
(The failing example's header is `{"alg":"none"}` and its signature is empty.))md",
    .applies_to = "Salesforce (jwtToken in connectorProfileCredentials)",
    .source =
        "RFC 7519 section 6 (unsecured JWTs); Salesforce Help, OAuth 2.0 JWT Bearer Flow for "
        "Server-to-Server Integration (RS256 signature required)",
    .failing_example =
        R"json("jwtToken": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6NDEwMjQ0NDgwMH0.")json",
    .passing_example =
        R"json("jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJl")json",
};

const RuleInfo kExpired{
    .id = "jwt.expired",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "jwtToken has expired (exp is in the past)",
    .docs = R"md(The payload's `exp` claim is the time after which the token must not be
accepted. Salesforce rejects an expired JWT bearer token, so the profile cannot
obtain an access token with it. Issue a new token with an `exp` in the future and
update the profile. The message gives the expiry time in UTC; the check uses the
clock of the machine running the linter. (The failing example's `exp` is
978307200, 2001-01-01; the passing example's is 4102444800, 2100-01-01.))md",
    .applies_to = "Salesforce (jwtToken in connectorProfileCredentials)",
    .source = "RFC 7519 section 4.1.4 (exp claim)",
    .failing_example =
        R"json("jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6OTc4MzA3MjAwfQ.c2lnbmF0dXJl")json",
    .passing_example =
        R"json("jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJl")json",
};

const RuleInfo kNotYetValid{
    .id = "jwt.not-yet-valid",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "jwtToken is not valid yet (nbf is in the future)",
    .docs = R"md(The payload's `nbf` claim is the time before which the token must not be
accepted. Until then, requests for an access token with it fail. Usually the
claim was computed in the wrong unit (milliseconds instead of seconds) or time
zone. Issue the token with `nbf` at or before the current time, or leave `nbf`
out. The message gives the time in UTC; the check uses the clock of the machine
running the linter. (The failing example's `nbf` is 4070908800, 2099-01-01; the
passing example's is 978307200, 2001-01-01.))md",
    .applies_to = "Salesforce (jwtToken in connectorProfileCredentials)",
    .source = "RFC 7519 section 4.1.5 (nbf claim)",
    .failing_example =
        R"json("jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsIm5iZiI6NDA3MDkwODgwMH0.c2lnbmF0dXJl")json",
    .passing_example =
        R"json("jwtToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsIm5iZiI6OTc4MzA3MjAwfQ.c2lnbmF0dXJl")json",
};

std::string_view fault_text(jwt::JwtFault fault) {
  switch (fault) {
    case jwt::JwtFault::SegmentCount:
      break;
    case jwt::JwtFault::HeaderEncoding:
      return "its header (first segment) is not base64url";
    case jwt::JwtFault::PayloadEncoding:
      return "its payload (second segment) is not base64url";
    case jwt::JwtFault::SignatureEncoding:
      return "its signature (third segment) is not base64url";
    case jwt::JwtFault::HeaderJson:
      return "its header (first segment) does not decode to a JSON object";
    case jwt::JwtFault::PayloadJson:
      return "its payload (second segment) does not decode to a JSON object";
  }
  return "";
}

bool is_none(std::string_view alg) {
  return alg.size() == 4 && std::equal(alg.begin(), alg.end(), "none",
                                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

class TokenChecks final : public BasicRuleModule {
 public:
  TokenChecks() : BasicRuleModule({&kMalformed, &kUnsigned, &kExpired, &kNotYetValid}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    // Where credentials carry a JWT: the connector table's jwt_token_member column.
    for (const auto& [listed, credentials] : context.connectors.credentials) {
      const connectors::ConnectorRow& row = *listed;
      if (row.jwt_token_member.empty()) continue;
      const document::Node* token = member(credentials, row.jwt_token_member);
      if (token == nullptr || !token->is_string()) continue;
      if (left_to_others(token, true)) continue;  // the jwtToken pattern failed, or value.placeholder's
      check_token(token->string(), row, out);
    }
  }

 private:
  static void check_token(std::string_view token, const connectors::ConnectorRow& row, Reporter& out) {
    // Written only for a report: most tokens have nothing to report.
    const auto pointer = [&row] { return connectors::credential_pointer(row.member, row.jwt_token_member); };
    const jwt::JwtDecodeResult decoded = jwt::decode_jwt(token);
    if (!decoded.jwt) {
      if (decoded.fault == jwt::JwtFault::SegmentCount) {
        out.report(kMalformed, pointer(), Anchor::Value,
                   "jwtToken is not a JWT: it has {} dot-separated segment{}, a JWT has three "
                   "(header.payload.signature); paste the whole signed token",
                   decoded.segments, decoded.segments == 1 ? "" : "s");
      } else {
        out.report(kMalformed, pointer(), Anchor::Value,
                   "jwtToken is not a well-formed JWT: {}; create the token again and paste it whole",
                   fault_text(decoded.fault));
      }
      return;
    }
    if (decoded.jwt->alg && is_none(*decoded.jwt->alg)) {
      out.report(kUnsigned, pointer(), Anchor::Value,
                 "jwtToken is unsigned (its header's alg is none); Salesforce accepts only RS256-signed "
                 "tokens: sign it with the connected app's private key");
    }
    const double now_seconds = std::chrono::duration<double>(jwt::now().time_since_epoch()).count();
    if (const auto exp = decoded.jwt->expires; exp && *exp <= now_seconds) {
      const auto when = jwt::format_numeric_date(*exp);
      out.report(kExpired, pointer(), Anchor::Value, "jwtToken {} (its exp claim); issue a new token with a later exp",
                 when ? "expired on " + *when : std::string("has expired"));
    }
    if (const auto nbf = decoded.jwt->not_before; nbf && *nbf > now_seconds) {
      const auto when = jwt::format_numeric_date(*nbf);
      out.report(kNotYetValid, pointer(), Anchor::Value,
                 "jwtToken is not valid before {} (its nbf claim); issue it with an nbf at or before now "
                 "(in seconds, not milliseconds), or without nbf",
                 when ? *when : std::string("the far future"));
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_jwt_token_checks() { return std::make_unique<TokenChecks>(); }

}  // namespace appflow_lint::rules
