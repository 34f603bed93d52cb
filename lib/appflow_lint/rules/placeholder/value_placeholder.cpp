// value.placeholder: a string value left from documentation or a template.
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/placeholder/placeholder_rules.hpp"
#include "appflow_lint/rules/placeholder/request_schema.hpp"

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

// A secret-sounding name, for members the schema does not know (a misspelt connector).
bool name_looks_secret(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view word : {"token", "secret", "password", "passwd", "key", "credential", "authcode", "jwt"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

struct Walk {
  Reporter& out;

  // `schema` is the node's subschema (nullptr below members the schema does not know);
  // `label` names the node in messages, never with a sensitive key.
  void visit(const nlohmann::json& node, const nlohmann::json* schema, bool sensitive, const std::string& pointer,
             const std::string& label) {
    if (node.is_string()) {
      check(node.get_ref<const std::string&>(), sensitive, pointer, label);
    } else if (node.is_object()) {
      const bool hide_keys = schema != nullptr && request_schema::keys_are_sensitive(*schema);
      for (const auto& [name, value] : node.items()) {
        const nlohmann::json* child = schema != nullptr ? request_schema::child(*schema, name, true) : nullptr;
        const bool child_sensitive = sensitive || hide_keys ||
                                     (child != nullptr ? request_schema::is_sensitive(*child) : name_looks_secret(name));
        visit(value, child, child_sensitive, json_pointer::child(pointer, name),
              hide_keys ? fmt::format("an entry of {}", label) : name);
      }
    } else if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        const nlohmann::json* child =
            schema != nullptr ? request_schema::child(*schema, std::to_string(i), false) : nullptr;
        const bool child_sensitive = sensitive || (child != nullptr && request_schema::is_sensitive(*child));
        visit(node[i], child, child_sensitive, json_pointer::child(pointer, i), fmt::format("{}[{}]", label, i));
      }
    }
  }

  void check(std::string_view value, bool sensitive, const std::string& pointer, const std::string& label) {
    const auto found = placeholder::find_placeholder(value, sensitive);
    if (!found) return;
    if (sensitive) {
      out.report(kValuePlaceholder, pointer, Anchor::Value,
                 "{}: this value is {}, not a real value; replace it with the real one",
                 label, found->kind);
    } else {
      const std::string_view shown = found->found.substr(0, kMaxShown);
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
    Walk walk{out};
    walk.visit(context.document, &request_schema::root(context.operation), false, "", "the request");
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_value_placeholder() { return std::make_unique<ValuePlaceholder>(); }

}  // namespace appflow_lint::rules
