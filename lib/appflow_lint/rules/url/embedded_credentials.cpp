// url.embedded-credentials: user:password@ or secret query parameters in a URL.
#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/url_members.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kEmbeddedCredentials{
    .id = "url.embedded-credentials",
    .severity = Severity::Warning,
    .category = RuleCategory::Security,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A URL that carries credentials (user:password@ or a secret query parameter)",
    .docs = R"md(A URL is not a place for a secret: URLs are written to access logs, proxy logs,
browser history and AppFlow's own profile description, where anyone who can read
them can use the credential. Put credentials in `connectorProfileCredentials` (or the
CustomConnector credential blocks) and remove them from the URL.

Reported: a user name or password before `@` in the host part
(`https://user:secret@host`), and query parameters with a value whose name is a
secret's (`access_token`, `token`, `client_secret`, `password`, `api_key`, `apikey`,
`key`, `secret`, `sig`, `signature`, `code`; compared ignoring case, `_` and `-`).
The message names the parameter, never its value.)md",
    .applies_to =
        "instanceUrl, SAPOData applicationHostUrl/tokenUrl/authCodeUrl, CustomConnector tokenUrl, "
        "oAuthRequest.redirectUri",
    .source =
        "RFC 3986 section 3.2.1 (user:password in the userinfo is deprecated) and section 7.5; RFC 6750 "
        "section 5.3 (don't pass bearer tokens in page URLs)",
    .failing_example = R"json("instanceUrl": "https://acme.zendesk.com/?access_token=...")json",
    .passing_example = R"json("instanceUrl": "https://acme.zendesk.com")json",
};

// Secret parameter names, lower-case without '_' and '-'.
constexpr std::array<std::string_view, 10> kSecretNames{"accesstoken", "token",  "clientsecret", "password",  "apikey",
                                                        "key",         "secret", "sig",          "signature", "code"};

bool is_secret_name(std::string_view name) {
  std::string folded;
  for (char c : name) {
    if (c != '_' && c != '-') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::find(kSecretNames.begin(), kSecretNames.end(), folded) != kSecretNames.end();
}

class EmbeddedCredentials final : public url::UrlRule {
 public:
  EmbeddedCredentials() : UrlRule({&kEmbeddedCredentials}) {}

  void check_url(const url::UrlMember& member, Reporter& out) const override {
    const auto& parsed = *member.parsed;
    if (!parsed || !parsed->has_authority) return;
    if (parsed->has_userinfo) {
      out.report(kEmbeddedCredentials, member.pointer(), Anchor::Value,
                 "{} has a user name or password before '@' in its host part; URLs end up in logs, so remove "
                 "them and give credentials in connectorProfileCredentials",
                 member.member)
          .suggest("remove the part between :// and @");
    }
    std::vector<std::string> secret_parameters;
    for (auto& name : url::query_parameters_with_values(parsed->query)) {
      if (is_secret_name(name) &&
          std::find(secret_parameters.begin(), secret_parameters.end(), name) == secret_parameters.end()) {
        secret_parameters.push_back(std::move(name));
      }
    }
    if (!secret_parameters.empty()) {
      out.report(kEmbeddedCredentials, member.pointer(), Anchor::Value,
                 "{} passes a secret in its query ({} '{}'); URLs end up in logs, so remove it and give "
                 "credentials in connectorProfileCredentials",
                 member.member, secret_parameters.size() == 1 ? "parameter" : "parameters",
                 fmt::join(secret_parameters, "', '"))
          .suggest("remove the parameter from the URL");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_url_embedded_credentials() { return std::make_unique<EmbeddedCredentials>(); }

}  // namespace appflow_lint::rules
