#include "appflow_lint/engine/document_walk.hpp"

#include <algorithm>
#include <cmath>

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/schema_engine/number_kinds.hpp"
#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::rules {
std::string NodeVisit::pointer() const { return path.pointer(); }
}  // namespace appflow_lint::rules

namespace appflow_lint::engine {
namespace {

using document::Node;
using schema_engine::JsonType;
using schema_engine::SchemaNode;

// Resolves "a/*/b" against the schema: every node reachable by those member names,
// `*` standing for any declared member.
void resolve_path(const SchemaNode& from, std::string_view path, std::vector<const SchemaNode*>& out) {
  if (path.empty()) {
    out.push_back(&from);
    return;
  }
  const std::size_t slash = std::min(path.find('/'), path.size());
  const std::string_view name = path.substr(0, slash);
  const std::string_view rest = slash < path.size() ? path.substr(slash + 1) : std::string_view{};
  if (name == "*") {
    for (const auto& property : from.properties) resolve_path(*property.schema, rest, out);
  } else if (const SchemaNode* child = from.property(name)) {
    resolve_path(*child, rest, out);
  }
}

bool in_enum(const Node& node, const SchemaNode& schema) {
  return std::any_of(schema.enum_values.begin(), schema.enum_values.end(),
                     [&](const nlohmann::json& allowed) { return document::same_json_value(node, allowed); });
}

bool string_holds(std::string_view text, const SchemaNode& schema) {
  // A code point is 1 to 4 bytes: most values' byte length alone settles both bounds,
  // and the code points are counted only when it does not.
  const std::size_t bytes = text.size();
  if ((schema.min_length && bytes < 4 * *schema.min_length) || (schema.max_length && bytes > *schema.max_length)) {
    const std::size_t length = source_map::code_point_count(text);
    if (schema.min_length && length < *schema.min_length) return false;
    if (schema.max_length && length > *schema.max_length) return false;
  }
  return schema.pattern == nullptr || schema.pattern->matches(text);
}

// Whether the node's own keywords hold (the members' own subschemas are their business).
// `declared`, when not nullptr, holds schema.property() of each member of an object,
// looked up already.
bool holds(const Node& node, const SchemaNode& schema, const SchemaNode* const* declared) {
  if (!has_type(node, schema.type)) return false;
  if (schema.has_enum && !in_enum(node, schema)) return false;
  switch (node.kind()) {
    case document::Kind::String:
      return string_holds(node.string(), schema);
    case document::Kind::Integer:
    case document::Kind::Unsigned:
    case document::Kind::Float: {
      const double value = node.number();
      return !(schema.minimum && value < *schema.minimum) && !(schema.maximum && value > *schema.maximum);
    }
    case document::Kind::Object: {
      for (const auto& name : schema.required) {
        if (node.find(name) == nullptr) return false;
      }
      if (schema.closed || schema.property_names != nullptr) {
        const auto members = node.members();
        for (std::size_t i = 0; i < members.size(); ++i) {
          const auto& member = members[i];
          if ((declared != nullptr ? declared[i] : schema.property(member.key)) != nullptr) continue;
          if (schema.closed) return false;
          const JsonType key_type = schema.property_names->type;  // a key is a string
          if ((key_type != JsonType::Any && key_type != JsonType::String) ||
              !string_holds(member.key, *schema.property_names)) {
            return false;
          }
        }
      }
      const std::size_t size = node.size();
      return !(schema.min_properties && size < *schema.min_properties) &&
             !(schema.max_properties && size > *schema.max_properties);
    }
    default:
      return true;
  }
}

struct Walker {
  const WalkInput& input;
  Reporter& out;
  // The declared subschemas of the members of the objects being visited, one run per
  // object on the way down (a stack, so that no object allocates a list of its own).
  std::vector<const SchemaNode*>& declared;
  Path path;
  bool valid = true;

  void dispatch(const std::vector<const rules::RuleModule*>& modules, const rules::NodeVisit& visit) {
    for (const rules::RuleModule* module : modules) module->visit(input.rules, visit, out);
  }

  // `schema` is the node's subschema for checking (nullptr outside the schema or below a
  // type fault); `exposure` the secret policy's verdict, which also follows the schema.
  void visit(const Node& node, const SchemaNode* schema, const secrets::NodeExposure& exposure,
             std::string_view member) {
    // Each member is looked up once, in the subschema the secret policy follows (the
    // schema's own unless a fault has cut that off): the lookup serves the check of
    // undeclared members, the walk below and the policy.
    const SchemaNode* looked_up_in = exposure.schema != nullptr ? exposure.schema : schema;
    const std::size_t first = declared.size();
    if (node.is_object() && looked_up_in != nullptr) {
      for (const auto& entry : node.members()) declared.push_back(looked_up_in->property(entry.key));
    }
    if (schema != nullptr && !holds(node, *schema, schema == looked_up_in ? declared.data() + first : nullptr)) {
      valid = false;
      node.mark_schema_faulted();
      const bool may_quote = input.check.secrets.may_quote(exposure, node);
      if (!schema_engine::check_node(input.check, node, *schema->json, may_quote, path.pointer(), out)) {
        schema = nullptr;  // the wrong type: nothing below applies
      }
    }
    const rules::NodeFacts facts(node.is_string() ? node.string() : std::string_view{});
    const rules::NodeVisit here{node, exposure, path, member, facts};
    if (schema != nullptr) dispatch(input.dispatch.at(*schema), here);
    if (node.is_string()) {
      dispatch(input.dispatch.strings(), here);
    } else if (node.is_object()) {
      const auto members = node.members();
      for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& entry = members[i];
        // By index: the children's runs may move the stack.
        const SchemaNode* found = looked_up_in != nullptr ? declared[first + i] : nullptr;
        const SchemaNode* child = nullptr;
        if (schema != nullptr)
          child = schema->member_given(schema == looked_up_in ? found : schema->property(entry.key));
        path.push_member(entry.key);
        visit(entry.value, child,
              input.check.secrets.member(exposure, entry.key, exposure.schema != nullptr ? found : nullptr), entry.key);
        path.pop();
      }
      declared.resize(first);
    } else if (node.is_array()) {
      const auto elements = node.elements();
      for (std::size_t i = 0; i < elements.size(); ++i) {
        path.push_element(i);
        visit(elements[i], schema != nullptr ? schema->items : nullptr, input.check.secrets.element(exposure), {});
        path.pop();
      }
    }
  }
};

}  // namespace

Dispatch::Dispatch(const schema_engine::CompiledSchema& schema, const std::vector<const rules::RuleModule*>& modules)
    : by_schema_node_(schema.node_count()) {
  request_checks_.reserve(modules.size());
  for (const rules::RuleModule* module : modules) {
    request_checks_.push_back({module, module->check_connector()});
    if (module->visits_strings()) strings_.push_back(module);
    for (const auto& path : module->node_paths()) {
      std::vector<const SchemaNode*> nodes;
      resolve_path(schema.root_node(), path, nodes);
      for (const SchemaNode* node : nodes) {
        auto& slot = by_schema_node_[node->index];
        if (std::find(slot.begin(), slot.end(), module) == slot.end()) slot.push_back(module);
      }
    }
  }
}

bool walk_document(const WalkInput& input, const document::Node& root, Reporter& out) {
  thread_local std::vector<const SchemaNode*> declared;  // reused: a walk runs once at a time per thread
  declared.clear();
  Walker walker{input, out, declared, {}, true};
  walker.visit(root, &input.check.schema.root_node(), input.check.secrets.root(), {});
  return walker.valid;
}

}  // namespace appflow_lint::engine
