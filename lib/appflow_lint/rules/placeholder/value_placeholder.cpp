// value.placeholder: a string value left from documentation or a template.
#include <string>

#include <fmt/format.h>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/placeholder/placeholder_rules.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kValuePlaceholder{
    .id = "value.placeholder",
    .severity = Severity::Error,
    .summary = "A value left from documentation or a template",
    .docs = R"md(A request copied from the API reference, AWS's example request or a template
still holds a stand-in instead of the real value: `"string"` (the API reference's
request syntax), `"Connector_Profile_Name_value"` / `"Instance_url_value"` (AWS's
example request), `<AccessToken>`-style angle-bracket tokens, unrendered `${VAR}` or
`{{ var }}` template syntax, or a marker such as `REPLACE_ME`, `changeme`, `TODO`,
`TBD`, `xxx`, `YOUR_API_KEY`, `your-api-key-here`. AppFlow rejects such a profile, or
accepts it and fails when it first connects.

Every string value in the request is checked, also under misspelt or unknown members,
but never member names. To keep false positives out, the markers count only as the
*whole* value (ignoring case and surrounding blanks: a password `Changeme!2024x`
passes); inside a value only clear template syntax counts (`${...}`, `{{...}}`, and
`<name>` except in secret members, where a random password may contain `<a1>`).
Secret values are never quoted: the message says "this value".)md",
    .applies_to = "all connectors, every string value",
    .source = "the API reference's request syntax (\"string\") and AWS's example CreateConnectorProfile request "
              "(Connector_Profile_Name_value, Instance_url_value, <AccessToken>, <RefreshToken>)",
    .failing_example = R"json("instanceUrl": "Instance_url_value", "accessToken": "<AccessToken>")json",
    .passing_example = R"json("instanceUrl": "https://acme.my.salesforce.com", "accessToken": "00D5g000004XyZa!AQ4AQPx3mT8vK2qL7")json",
};

constexpr std::size_t kMaxShown = 80;

struct Walk {
  const secrets::SecretPolicy& secrets;
  Reporter& out;

  // `label` names the node in messages: never by a hidden key, and inside a secret
  // always by the secret's own name.
  void visit(const nlohmann::json& node, const secrets::NodeExposure& exposure, const std::string& pointer,
             const std::string& label) {
    if (node.is_string()) {
      check(node, exposure, pointer, label);
    } else if (node.is_object()) {
      for (const auto& [name, value] : node.items()) {
        const secrets::NodeExposure child = secrets.member(exposure, name);
        const std::string child_label = exposure.value == secrets::Exposure::Secret ? label
                                        : child.key_hidden                          ? fmt::format("an entry of {}", label)
                                                                                    : name;
        visit(value, child, json_pointer::child(pointer, name), child_label);
      }
    } else if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        visit(node[i], secrets.element(exposure), json_pointer::child(pointer, i),
              exposure.value == secrets::Exposure::Secret ? label : fmt::format("{}[{}]", label, i));
      }
    }
  }

  void check(const nlohmann::json& node, const secrets::NodeExposure& exposure, const std::string& pointer,
             const std::string& label) {
    const auto& value = node.get_ref<const std::string&>();
    const auto found = placeholder::find_placeholder(value, exposure.value == secrets::Exposure::Secret);
    if (!found) return;
    if (!secrets.may_quote(exposure, node)) {
      out.report(kValuePlaceholder, pointer, Anchor::Value,
                 "{}: this value is {}, not a real value; replace it with the real one",
                 label, found->kind);
    } else {
      const std::string_view shown = std::string_view(found->found).substr(0, kMaxShown);
      out.report(kValuePlaceholder, pointer, Anchor::Value,
                 "{} holds \"{}{}\" ({}); replace it with the real value", label, shown,
                 shown.size() < found->found.size() ? "..." : "", found->kind);
    }
  }
};

class ValuePlaceholder final : public BasicRuleModule {
 public:
  ValuePlaceholder() : BasicRuleModule({&kValuePlaceholder}) {}

  void check(const RuleContext& context, Reporter& out) const override {
    Walk walk{context.secrets, out};
    walk.visit(context.document, context.secrets.root(), "", "the request");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_value_placeholder() { return std::make_unique<ValuePlaceholder>(); }

}  // namespace appflow_lint::rules
