// url.example-host: a URL on a host reserved for documentation and testing.
#include <memory>

#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/reserved_hosts.hpp"
#include "appflow_lint/rules/url/url_members.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kExampleHost{
    .id = "url.example-host",
    .severity = Severity::Error,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "A URL whose host is reserved for documentation or testing",
    .docs = R"md(Samples fill URL members with hosts that are reserved so that they never name a
real service: `example.com`, `example.net`, `example.org` and their subdomains
(RFC 2606), anything under the reserved top-level domains `.example`, `.test`,
`.invalid` and `.localhost` (RFC 2606, RFC 6761), and AWS's own
`example.connection.url`. AppFlow accepts the request and the connection test fails,
since no connector endpoint lives there. `localhost` itself is reported too, except
in a `redirectUri`, where a loopback redirect is normal. Replace the URL with the
real endpoint. A host that only looks like a sample (`acme-example.com`) is not
reported: the names must be the reserved ones.)md",
    .applies_to =
        "every URL member (instanceUrl, SAP OData and custom connector endpoints, token and auth-code URLs, "
        "redirectUri)",
    .source =
        "RFC 2606 (reserved example domains and TLDs), RFC 6761 (special-use domain names); the AppFlow "
        "documentation's sample endpoint example.connection.url",
    .failing_example = R"json("Zendesk": {"instanceUrl": "https://acme.example.com"})json",
    .passing_example = R"json("Zendesk": {"instanceUrl": "https://acme.zendesk.com"})json",
};

class ExampleHost final : public url::UrlRule {
 public:
  ExampleHost() : UrlRule({&kExampleHost}) {}

  void check_url(const url::UrlMember& member, Reporter& out) const override {
    const auto& parsed = *member.parsed;
    if (!parsed || !parsed->absolute()) return;
    const auto why = url::reserved_host(parsed->host(), member.kind == url::UrlKind::RedirectUri);
    if (!why) return;
    out.report(kExampleHost, member.pointer(), Anchor::Value,
               "{} host '{}' is {}; replace the URL with the real endpoint", member.member, parsed->host(), *why);
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_url_example_host() { return std::make_unique<ExampleHost>(); }

}  // namespace appflow_lint::rules
