// url.unexpected-host: an instanceUrl off the vendor's hosts.
#include <fmt/format.h>
#include <memory>

#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/reserved_hosts.hpp"
#include "appflow_lint/rules/url/url_members.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kUnexpectedHost{
    .id = "url.unexpected-host",
    .severity = Severity::Warning,
    .category = RuleCategory::Security,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "An instanceUrl whose host is not the connector vendor's",
    .docs = R"md(For SaaS connectors the instance URL is on the vendor's domain: Salesforce and
Pardot `*.my.salesforce.com` (and the other Salesforce domains), Zendesk
`*.zendesk.com`, Slack `*.slack.com`, ServiceNow `*.service-now.com`, Datadog one of
its sites (`api.datadoghq.com`, `us5.datadoghq.com`, `datadoghq.eu`, ...), Dynatrace
`*.live.dynatrace.com`, Marketo `*.mktorest.com`, Veeva `*.veevavault.com`. Another
host is usually a copy-paste slip (the Salesforce URL in a Slack profile, a
staging proxy), and AppFlow would send the connector's tokens to it.

A host matches when it equals a listed domain or ends with `.` and that domain.
The domains per connector are `vendor_host_suffixes` in the connector table.
Connectors whose customers bring their own hosts (InforNexus, SAP, Redshift,
Snowflake, custom connectors) are not checked.)md",
    .applies_to = "instanceUrl of Salesforce, Pardot, Zendesk, Slack, ServiceNow, Datadog, Dynatrace, Marketo, Veeva",
    .source =
        "the vendors' documentation of their instance and API hosts (rules/connectors/connector_table.cpp); "
        "the service model's documentation of InstanceUrl (\"The location of the ... resource\")",
    .failing_example = R"json("Slack": {"instanceUrl": "https://acme.my.salesforce.com"})json",
    .passing_example = R"json("Slack": {"instanceUrl": "https://acme.slack.com"})json",
};

std::string_view without_dot(std::string_view suffix) { return suffix.starts_with('.') ? suffix.substr(1) : suffix; }

bool on_vendor_host(std::string_view host, const connectors::ConnectorRow& row) {
  for (std::string_view suffix : row.vendor_host_suffixes) {
    const std::string_view domain = without_dot(suffix);
    if (host == domain) return true;
    if (host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

std::string domain_list(const connectors::ConnectorRow& row) {
  std::string list;
  const auto& suffixes = row.vendor_host_suffixes;
  for (std::size_t i = 0; i < suffixes.size(); ++i) {
    if (i > 0) list += i + 1 == suffixes.size() ? " or " : ", ";
    list += without_dot(suffixes[i]);
  }
  return list;
}

class UnexpectedHost final : public url::UrlRule {
 public:
  UnexpectedHost() : UrlRule({&kUnexpectedHost}) {}

  void check_url(const url::UrlMember& member, Reporter& out) const override {
    if (member.kind != url::UrlKind::InstanceUrl || member.row == nullptr || member.row->vendor_host_suffixes.empty()) {
      return;
    }
    const auto& parsed = *member.parsed;
    if (!parsed || !parsed->absolute() || on_vendor_host(parsed->host(), *member.row)) return;
    if (url::reserved_host(parsed->host(), false)) return;  // url.example-host's
    out.report(kUnexpectedHost, member.pointer(), Anchor::Value,
               "{} host '{}' is not a {} host (expected a host on {}); check that this is your {} "
               "instance's URL",
               member.member, parsed->host(), member.row->member, domain_list(*member.row), member.row->member);
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_url_unexpected_host() { return std::make_unique<UnexpectedHost>(); }

}  // namespace appflow_lint::rules
