// url.insecure-scheme: http:// where credentials travel.
#include <array>
#include <memory>

#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/url_members.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kInsecureScheme{
    .id = "url.insecure-scheme",
    .severity = Severity::Warning,
    .category = RuleCategory::Security,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "An http:// URL where credentials travel",
    .docs = R"md(AppFlow sends tokens, API keys, passwords or authorization codes to every URL
member: the instance URL with each API call, token and authorization-code URLs
during OAuth, the redirect URI with the authorization code. Over `http://` they cross
the network in clear text. Use `https://`.

A redirect URI on the loopback interface (`localhost`, `127.0.0.1`, `[::1]`) may use
`http://`: the code never leaves the machine (RFC 8252 section 7.3).)md",
    .applies_to =
        "instanceUrl, SAPOData applicationHostUrl/tokenUrl/authCodeUrl, CustomConnector tokenUrl, "
        "oAuthRequest.redirectUri",
    .source =
        "RFC 6749 sections 3.1, 3.1.2.1 and 3.2 (TLS for the authorization, redirection and token "
        "endpoints), RFC 6750 section 5.3; RFC 8252 section 7.3 (loopback redirect URIs)",
    .failing_example = R"json("instanceUrl": "http://acme.zendesk.com")json",
    .passing_example = R"json("instanceUrl": "https://acme.zendesk.com")json",
};

bool is_loopback(std::string_view host) {
  constexpr std::array<std::string_view, 3> kLoopback{"localhost", "127.0.0.1", "[::1]"};
  for (auto name : kLoopback) {
    if (host == name) return true;
  }
  return false;
}

std::string_view what_travels(url::UrlKind kind) {
  switch (kind) {
    case url::UrlKind::InstanceUrl:
      return "the connector's tokens or keys";
    case url::UrlKind::ServiceUrl:
      return "credentials and tokens";
    case url::UrlKind::RedirectUri:
      return "the authorization code";
  }
  return "credentials";
}

class InsecureScheme final : public url::UrlRule {
 public:
  InsecureScheme() : UrlRule({&kInsecureScheme}) {}

  void check_url(const url::UrlMember& member, Reporter& out) const override {
    const auto& parsed = *member.parsed;
    if (!parsed || !parsed->absolute() || !parsed->scheme_is("http")) return;
    if (member.kind == url::UrlKind::RedirectUri && is_loopback(parsed->host())) return;
    out.report(kInsecureScheme, member.pointer(), Anchor::Value,
               "{} uses http://, so {} sent to it cross the network unencrypted; use https://", member.member,
               what_travels(member.kind))
        .suggest("change http:// to https://");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_url_insecure_scheme() { return std::make_unique<InsecureScheme>(); }

}  // namespace appflow_lint::rules
