#include "appflow_lint/schema_engine/schema_validator.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_visitor.hpp>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"

namespace appflow_lint::schema_engine {
namespace {

using Adapter = valijson::adapters::NlohmannJsonAdapter;

bool run_valijson(const CompiledSchema& schema, const nlohmann::json& document,
                  valijson::ValidationResults* results) {
  Adapter target(document);
  // A visitor built directly: valijson::Validator owns a mutable regex cache, which
  // threads sharing one linter could not share (the schema valijson sees has no patterns).
  valijson::ValidationVisitor<Adapter> visitor(target, {"<root>"}, /*strictTypes=*/true, results,
                                               schema.unused_regex_cache());
  return visitor.validateSchema(schema.validator_schema());
}

// Re-checks every node below an invalid root, keyword by keyword. valijson's
// own error paths are not enough to find the faulty node: a propertyNames fault is
// reported at the map's parent, without the key. Recursion is bounded by the
// schema's depth, since members the schema does not know end the walk.
void check_subtree(const CheckContext& context, const nlohmann::json& node, const nlohmann::json& schema,
                   const secrets::NodeExposure& exposure, const std::string& pointer, Reporter& out) {
  if (!check_node(context, node, schema, context.secrets.may_quote(exposure, node), pointer, out)) return;
  if (node.is_object()) {
    for (const auto& [name, value] : node.items()) {
      if (const auto* child = child_schema(schema, name)) {
        check_subtree(context, value, *child, context.secrets.member(exposure, name),
                      json_pointer::child(pointer, name), out);
      }
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (const auto* child = child_schema(schema, std::to_string(i))) {
        check_subtree(context, node[i], *child, context.secrets.element(exposure), json_pointer::child(pointer, i),
                      out);
      }
    }
  }
}

}  // namespace

SchemaValidator::SchemaValidator(std::string_view schema_text, std::string operation_name,
                                 std::shared_ptr<const CompiledSchema> other,
                                 std::string other_operation_name)
    : schema_(std::make_shared<CompiledSchema>(schema_text)),
      secret_policy_(schema_->root()),
      operation_name_(std::move(operation_name)),
      other_(std::move(other)),
      other_operation_name_(std::move(other_operation_name)) {}

bool SchemaValidator::validate(const nlohmann::json& document, Reporter& out) const {
  // valijson (everything but patterns) and RE2 (patterns) give the verdict; valijson
  // stops at the first fault when it keeps no results.
  if (run_valijson(*schema_, document, nullptr) && schema_->patterns_hold(document)) return true;

  const CheckContext context{*schema_, secret_policy_, operation_name_, other_ ? &other_->root() : nullptr,
                             other_operation_name_};
  check_subtree(context, document, schema_->root(), secret_policy_.root(), "", out);
  return false;
}

}  // namespace appflow_lint::schema_engine
