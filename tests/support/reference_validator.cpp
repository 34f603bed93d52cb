#include "reference_validator.hpp"

#include <regex>
#include <unordered_map>

#include <re2/re2.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_visitor.hpp>

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::testing {
namespace {

using nlohmann::json;
using Adapter = valijson::adapters::NlohmannJsonAdapter;

// Patterns go to RE2; valijson (std::regex) never sees them.
void take_patterns(json& node, std::unordered_map<std::string, std::unique_ptr<re2::RE2>>& patterns) {
  if (node.is_object()) {
    if (auto pattern = node.find("pattern"); pattern != node.end() && pattern->is_string()) {
      const std::string text = pattern->get<std::string>();
      if (!patterns.count(text)) patterns.emplace(text, std::make_unique<re2::RE2>(text));
      node.erase(pattern);
    }
    for (auto& [key, value] : node.items()) take_patterns(value, patterns);
  } else if (node.is_array()) {
    for (auto& element : node) take_patterns(element, patterns);
  }
}

}  // namespace

struct ReferenceValidator::State {
  json root;
  valijson::Schema schema;
  std::unordered_map<std::string, std::unique_ptr<re2::RE2>> patterns;
  mutable std::unordered_map<std::string, std::regex> regex_cache;  // valijson's; stays empty
  schema_engine::CompiledSchema compiled;                           // for the keyword checks' messages
  secrets::SecretPolicy policy;
  schema_engine::CheckContext context;

  explicit State(std::string_view text)
      : root(json::parse(text)), compiled(text), policy(compiled), context{compiled, policy, "Reference", {}, ""} {
    json without_patterns = root;
    take_patterns(without_patterns, patterns);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    Adapter adapter(without_patterns);
    parser.populateSchema(adapter, schema);
  }

  bool patterns_hold(const json& node, const json& node_schema) const {
    if (node.is_string()) return string_holds(node_schema, node.get_ref<const std::string&>());
    if (node.is_object()) {
      auto key_schema = node_schema.find("propertyNames");
      for (const auto& [key, value] : node.items()) {
        if (key_schema != node_schema.end() && !string_holds(*key_schema, key)) return false;
        const json* child = schema_engine::child_schema(node_schema, key);
        if (child != nullptr && !patterns_hold(value, *child)) return false;
      }
    } else if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        const json* child = schema_engine::child_schema(node_schema, std::to_string(i));
        if (child != nullptr && !patterns_hold(node[i], *child)) return false;
      }
    }
    return true;
  }

  bool string_holds(const json& node_schema, const std::string& value) const {
    auto pattern = node_schema.find("pattern");
    return pattern == node_schema.end() ||
           re2::RE2::FullMatch(value, *patterns.at(pattern->get_ref<const std::string&>()));
  }

  // The keyword checks read the library's tree; the subschemas are found here, from the
  // schema's JSON, not by the engine's compiled lookup.
  void check_subtree(const document::Node& node, const json& node_schema, const secrets::NodeExposure& exposure,
                     const std::string& pointer, Reporter& out) const {
    if (!schema_engine::check_node(context, node, node_schema, policy.may_quote(exposure, node), pointer, out)) return;
    if (node.is_object()) {
      for (const document::Member& member : node.members()) {
        const std::string name(member.key);
        if (const json* child = schema_engine::child_schema(node_schema, name)) {
          check_subtree(member.value, *child, policy.member(exposure, name), json_pointer::child(pointer, name), out);
        }
      }
    } else if (node.is_array()) {
      const auto elements = node.elements();
      for (std::size_t i = 0; i < elements.size(); ++i) {
        if (const json* child = schema_engine::child_schema(node_schema, std::to_string(i))) {
          check_subtree(elements[i], *child, policy.element(exposure), json_pointer::child(pointer, i), out);
        }
      }
    }
  }
};

ReferenceValidator::ReferenceValidator(std::string_view schema_text) : state_(std::make_unique<State>(schema_text)) {}
ReferenceValidator::~ReferenceValidator() = default;

bool ReferenceValidator::valid(const json& document) const {
  Adapter target(document);
  valijson::ValidationVisitor<Adapter> visitor(target, {"<root>"}, /*strictTypes=*/true, nullptr, state_->regex_cache);
  return visitor.validateSchema(state_->schema) && state_->patterns_hold(document, state_->root);
}

std::set<RulePointer> ReferenceValidator::faults(const json& document) const {
  std::set<RulePointer> found;
  if (valid(document)) return found;
  Reporter out;
  document::Tree tree;
  document::build_from_json(document, tree, nullptr);
  state_->check_subtree(tree.root(), state_->root, state_->policy.root(), "", out);
  for (const auto& diagnostic : out.diagnostics()) found.emplace(std::string(diagnostic.rule->id), diagnostic.pointer);
  return found;
}

}  // namespace appflow_lint::testing
