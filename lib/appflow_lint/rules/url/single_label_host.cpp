// url.single-label-host: an endpoint whose host has no dot ("https://cluster").
#include <memory>

#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/reserved_hosts.hpp"
#include "appflow_lint/rules/url/url_members.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kSingleLabelHost{
    .id = "url.single-label-host",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "An endpoint URL whose host has no dot",
    .docs = R"md(AppFlow calls the connector's endpoints from AWS's network, where a host name
without a dot (`https://cluster`, `https://sap-prod:44300`) resolves to nothing: it
only works inside the network it came from, or it is a sample's stand-in. Write the
fully qualified name (`sap-prod.corp.acme.com`), the vendor's host, or, for a
private connection, the PrivateLink endpoint's DNS name. It is a warning, since
the service accepts the request; `localhost` is `url.example-host`'s, and
`redirectUri` is not checked (a loopback redirect is normal). IP literals have dots
or brackets and are not reported.)md",
    .applies_to = "instanceUrl, SAP OData and custom connector endpoints, token and auth-code URLs",
    .source =
        "RFC 1034 section 3.1 (names relative to a local domain); AppFlow's connectors reach endpoints over "
        "the internet or AWS PrivateLink",
    .failing_example = R"json("SAPOData": {"applicationHostUrl": "https://sapprod", ...})json",
    .passing_example = R"json("SAPOData": {"applicationHostUrl": "https://sapprod.corp.acme.com", ...})json",
};

class SingleLabelHost final : public url::UrlRule {
 public:
  SingleLabelHost() : UrlRule({&kSingleLabelHost}) {}

  void check_url(const url::UrlMember& member, Reporter& out) const override {
    if (member.kind == url::UrlKind::RedirectUri) return;
    const auto& parsed = *member.parsed;
    if (!parsed || !parsed->absolute()) return;
    const std::string_view host = parsed->host();
    if (host.find('.') != std::string_view::npos || host.starts_with('[') || url::reserved_host(host, false)) return;
    out.report(kSingleLabelHost, member.pointer(), Anchor::Value,
               "{} host '{}' has no dot, so it resolves only inside a local network, not from AppFlow; write the "
               "endpoint's fully qualified host name",
               member.member, host);
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_url_single_label_host() { return std::make_unique<SingleLabelHost>(); }

}  // namespace appflow_lint::rules
