// url.not-absolute: a URL member without a scheme and a host.

#include <re2/re2.h>
#include <memory>

#include <fmt/format.h>

#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/url_members.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kNotAbsolute{
    .id = "url.not-absolute",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::Sometimes,
    .since = "1.0.0",
    .summary = "A URL member that is not an absolute URL with a scheme and a host",
    .docs = R"md(AppFlow calls these URLs as they are: `instanceUrl` (every connector that has
one), SAPOData `applicationHostUrl` and `oAuthProperties.tokenUrl` / `authCodeUrl`,
CustomConnector `oAuth2Properties.tokenUrl`, and every `oAuthRequest.redirectUri`.
Each needs a scheme and a host (`https://acme.my.salesforce.com`); a bare host name
(`acme.my.salesforce.com`), a `host:port` or a path fails when AppFlow connects.
When the value is a bare host name, the suggestion puts `https://` in front.
Redshift's `databaseUrl` is a JDBC URL and is not checked here. Values the schema
already rejects (whitespace, the SAPOData patterns) and placeholders are left to
`schema.pattern` and `value.placeholder`.)md",
    .applies_to =
        "instanceUrl (Datadog, Dynatrace, InforNexus, Marketo, Salesforce, ServiceNow, Slack, Veeva, "
        "Zendesk, Pardot), SAPOData applicationHostUrl/tokenUrl/authCodeUrl, CustomConnector tokenUrl, "
        "oAuthRequest.redirectUri",
    .source =
        "RFC 3986 section 4.3 (absolute URI: scheme \":\" hier-part) and section 3.2 (authority); the "
        "service model's documentation of InstanceUrl, ApplicationHostUrl, TokenUrl, AuthCodeUrl and RedirectUri",
    .failing_example = R"json("instanceUrl": "acme.my.salesforce.com")json",
    .passing_example = R"json("instanceUrl": "https://acme.my.salesforce.com")json",
};

// A bare host name with an optional port and path: "https://" in front makes it a URL.
const re2::RE2& bare_host() {
  static const re2::RE2 re(R"([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?(?:/[^?#@\s]*)?)");
  return re;
}

std::string fault(const url::UrlParts& url, std::string_view value) {
  const bool scheme_looks_like_host = url.scheme.find('.') != std::string_view::npos;
  if (url.scheme.empty() && !url.has_authority && value.starts_with('/')) {
    return "it is a path, without scheme and host";
  }
  if (url.scheme.empty() || (scheme_looks_like_host && !url.has_authority)) {
    return "it has no scheme (such as https://)";
  }
  if (!url.scheme_ok) return "it does not start with a valid scheme (such as https://)";
  if (!url.has_authority) return fmt::format("it has no \"//\" and host after \"{}:\"", url.scheme);
  if (!url.authority_ok) return "the part after \"//\" is not a host with an optional numeric port";
  return "its host is empty";
}

class NotAbsolute final : public url::UrlRule {
 public:
  NotAbsolute() : UrlRule({&kNotAbsolute}) {}

  void check_url(const url::UrlMember& member, Reporter& out) const override {
    const auto& parsed = *member.parsed;
    if (!parsed || parsed->absolute()) return;
    auto& reported = out.report(kNotAbsolute, member.pointer(), Anchor::Value,
                                "{} is not an absolute URL: {}; write the whole URL, scheme and host included "
                                "(https://host/...)",
                                member.member, fault(*parsed, member.value));
    if (re2::RE2::FullMatch(member.value, bare_host())) {
      const std::string fixed = "https://" + std::string(member.value);
      reported.suggest("add the https:// scheme", nlohmann::json(fixed).dump());
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_url_not_absolute() { return std::make_unique<NotAbsolute>(); }

}  // namespace appflow_lint::rules
