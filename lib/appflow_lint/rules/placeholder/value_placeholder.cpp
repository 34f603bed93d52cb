// value.placeholder: a string value left from documentation or a template.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "appflow_lint/engine/path.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kValuePlaceholder{
    .id = "value.placeholder",
    .severity = Severity::Error,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A value left from documentation or a template",
    .docs = R"md(A request copied from the API reference, AWS's example request, a README or a
template still holds a stand-in instead of the real value: `"string"` (the API
reference's request syntax), `"Connector_Profile_Name_value"` / `"Instance_url_value"`
(AWS's example request), `<AccessToken>` or `<<WORKSPACENAME>>` angle-bracket tokens,
unrendered `${VAR}` or `{{ var }}` template syntax, a marker such as `REPLACE_ME`,
`changeme`, `TODO`, `TBD`, `xxx`, `...`, `YOUR_API_KEY`, `your-api-key-here`,
`my-token-here`, or the member's own name (`"accessToken": "accessToken"`,
`"clientId": "client-id"`, `"password": "password"`: the convention of CDK samples and
many READMEs). In a credentials member, a null word written as a string in any case
(`"none"`, `"null"`, `"undefined"`, `"nil"`, `"nan"`) and a documentation sample key (a
sequential or repeated run of 8 or more characters: `1234567890`, `0123456789abcdef0123...`,
`abcdefghijklmnop`, `00000000`) count too. AppFlow rejects such a profile, or accepts
it and fails when it first connects. Values that only *look* like samples
(`dummyAccessToken`) are `value.looks-like-sample`'s, a warning.

Every string value in the request is checked, also under misspelt or unknown members,
but never member names. To keep false positives out, the markers count only as the
*whole* value (ignoring case, separators for the member's name, and surrounding
blanks: a password `Changeme!2024x` passes); inside a value only clear template syntax
counts (`${...}`, `{{...}}`, and `<name>` except in secret members, where a random
password may contain `<a1>`). The message quotes the placeholder as written; secret
values are never quoted: the message says "this value".)md",
    .applies_to = "all connectors, every string value",
    .source =
        "the API reference's request syntax (\"string\"), AWS's example CreateConnectorProfile request "
        "(Connector_Profile_Name_value, Instance_url_value, <AccessToken>, <RefreshToken>), and public profiles "
        "with sample values left in (CDK samples and tests, READMEs, the Terraform provider's examples)",
    .failing_example = R"json("instanceUrl": "Instance_url_value", "accessToken": "<AccessToken>")json",
    .passing_example =
        R"json("instanceUrl": "https://acme.my.salesforce.com", "accessToken": "00D5g000004XyZa!AQ4AQPx3mT8vK2qL7")json",
};

constexpr std::size_t kMaxShown = 80;

// How messages name the node at `path`: never by a hidden key, and inside a secret
// always by the secret's own name. Worked out only for a node that is reported.
std::string label_for(const engine::Path& path, const secrets::SecretPolicy& secrets) {
  std::string label = "the request";
  secrets::NodeExposure exposure = secrets.root();
  for (std::size_t i = 0; i < path.depth(); ++i) {
    const engine::Path::Step& step = path.step(i);
    const bool inside_secret = exposure.value == secrets::Exposure::Secret;
    if (step.element) {
      exposure = secrets.element(exposure);
      if (!inside_secret) label = fmt::format("{}[{}]", label, step.index);
    } else {
      exposure = secrets.member(exposure, step.name);
      if (!inside_secret) label = exposure.key_hidden ? fmt::format("an entry of {}", label) : std::string(step.name);
    }
  }
  return label;
}

bool in_credentials(const engine::Path& path) {
  return path.depth() > 2 && path.step(0).name == "connectorProfileConfig" &&
         path.step(1).name == "connectorProfileCredentials";
}

class ValuePlaceholder final : public BasicRuleModule {
 public:
  ValuePlaceholder() : BasicRuleModule({&kValuePlaceholder}) {}

  bool visits_strings() const noexcept override { return true; }

  void visit(const RuleContext& context, const NodeVisit& visit, Reporter& out) const override {
    const std::string_view value = visit.node.string();
    auto found = visit.facts.placeholder(visit.exposure.value == secrets::Exposure::Secret);
    bool echoes_key = false;
    if (!found) {
      found = placeholder::find_member_placeholder(value, visit.member, in_credentials(visit.path));
      echoes_key = found.has_value();
    }
    if (!found) return;
    const std::string label = label_for(visit.path, context.secrets);
    // A value found by its member's name may repeat a hidden key: then it is not quoted either.
    if (!context.secrets.may_quote(visit.exposure, visit.node) || (echoes_key && visit.exposure.key_hidden)) {
      out.report(kValuePlaceholder, visit.pointer(), Anchor::Value,
                 "{}: this value is {}, not a real value; replace it with the real one", label, found->kind);
    } else {
      const std::string_view shown = found->found.substr(0, kMaxShown);
      out.report(kValuePlaceholder, visit.pointer(), Anchor::Value,
                 "{} holds \"{}{}\" ({}); replace it with the real value", label, shown,
                 shown.size() < found->found.size() ? "..." : "", found->kind);
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_value_placeholder() { return std::make_unique<ValuePlaceholder>(); }

}  // namespace appflow_lint::rules
