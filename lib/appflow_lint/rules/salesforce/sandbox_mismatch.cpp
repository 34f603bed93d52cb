// salesforce.sandbox-mismatch: isSandboxEnvironment must agree with the instanceUrl
// host when that host says which environment it is.
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/byte_set.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kSandboxMismatch{
    .id = "salesforce.sandbox-mismatch",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::Always,
    .since = "1.0.0",
    .summary = "isSandboxEnvironment disagrees with the instanceUrl host",
    .docs = R"md(`isSandboxEnvironment` tells AppFlow whether the profile is for a sandbox or a
production org, and Salesforce authorizes the two through different login servers
(`test.salesforce.com` and `login.salesforce.com`). A flag that contradicts the
org `instanceUrl` names is a copy-paste slip that usually ends in failed
authorization. The host decides:

- sandbox: `test.salesforce.com`, `<MyDomain>--<sandbox>.sandbox.my.salesforce.com`;
- production: `login.salesforce.com`, `<MyDomain>.my.salesforce.com`.

Other hosts (legacy `<MyDomain>--<sandbox>.my.salesforce.com`, scratch,
Developer Edition, Trailhead, demo and instance hosts such as `na1.salesforce.com`)
are not judged. The range covers `isSandboxEnvironment`'s value; the suggestion
sets it to the host's environment.)md",
    .applies_to = "Salesforce",
    .source =
        "the service model's documentation of SalesforceConnectorProfileProperties."
        "isSandboxEnvironment; Salesforce Help, My Domain URL Formats",
    .failing_example =
        R"json("Salesforce": {"instanceUrl": "https://acme--uat.sandbox.my.salesforce.com", "isSandboxEnvironment": false})json",
    .passing_example =
        R"json("Salesforce": {"instanceUrl": "https://acme--uat.sandbox.my.salesforce.com", "isSandboxEnvironment": true})json",
};

// The host of a URL as written ("https://user@Acme.my.salesforce.com:443/x" ->
// "Acme.my.salesforce.com"); a value without a scheme is read as starting with the host.
// A view, compared without regard to case below: no copy of the host is made.
std::string_view host_of(std::string_view url) {
  static constexpr text::ByteSet kHostEnd("/?#");
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, kHostEnd.end_of_part(url));
  if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  if (!url.empty() && url.back() == '.') url.remove_suffix(1);  // a fully qualified "host."
  return url;
}

// true: a sandbox host; false: a production host; nullopt: the host does not say.
std::optional<bool> host_is_sandbox(std::string_view host) {
  constexpr std::string_view kMyDomain = ".my.salesforce.com";
  constexpr std::string_view kSandboxMyDomain = ".sandbox.my.salesforce.com";
  if (ascii::equal_ignoring_case(host, "test.salesforce.com")) return true;
  if (ascii::equal_ignoring_case(host, "login.salesforce.com")) return false;
  if (ascii::ends_with_ignoring_case(host, kSandboxMyDomain)) {
    const std::string_view name = host.substr(0, host.size() - kSandboxMyDomain.size());
    if (!name.empty() && name.find('.') == std::string_view::npos) return true;
    return std::nullopt;
  }
  if (ascii::ends_with_ignoring_case(host, kMyDomain)) {
    const std::string_view name = host.substr(0, host.size() - kMyDomain.size());
    // One label, and not the legacy sandbox form <MyDomain>--<sandbox>: production.
    // More labels (scratch., develop., demo., instance names) do not say.
    if (!name.empty() && name.find('.') == std::string_view::npos && name.find("--") == std::string_view::npos) {
      return false;
    }
  }
  return std::nullopt;
}

class SandboxMismatch final : public BasicRuleModule {
 public:
  SandboxMismatch() : BasicRuleModule({&kSandboxMismatch}) {}

  std::string_view check_connector() const noexcept override { return "Salesforce"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Salesforce");
    const auto url = string_member(properties, "instanceUrl");
    const document::Node* flag = member(properties, "isSandboxEnvironment");
    if (!url || flag == nullptr || !flag->is_boolean()) return;
    const std::optional<bool> sandbox = host_is_sandbox(host_of(*url));
    if (!sandbox || *sandbox == flag->boolean()) return;
    const std::string pointer = connectors::property_pointer("Salesforce", "isSandboxEnvironment");
    const std::string_view right = *sandbox ? "true" : "false";
    out.report(kSandboxMismatch, pointer, Anchor::Value,
               "isSandboxEnvironment is {} but instanceUrl is a Salesforce {} host; set isSandboxEnvironment "
               "to {}, or correct instanceUrl",
               *sandbox ? "false" : "true", *sandbox ? "sandbox" : "production", right)
        .suggest(fmt::format("set isSandboxEnvironment to {}", right), std::string(right));
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_salesforce_sandbox_mismatch() { return std::make_unique<SandboxMismatch>(); }

}  // namespace appflow_lint::rules
