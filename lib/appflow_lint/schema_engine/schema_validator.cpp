#include "appflow_lint/schema_engine/schema_validator.hpp"

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/engine/document_walk.hpp"

namespace appflow_lint::schema_engine {

SchemaValidator::SchemaValidator(std::string_view schema_text, std::string operation_name,
                                 std::vector<std::string> other_root_members, std::string other_operation_name)
    : schema_(std::make_shared<CompiledSchema>(schema_text)),
      secret_policy_(*schema_),
      operation_name_(std::move(operation_name)),
      other_root_members_(std::move(other_root_members)),
      other_operation_name_(std::move(other_operation_name)),
      context_{*schema_, secret_policy_, operation_name_, other_root_members_, other_operation_name_},
      schema_only_(*schema_, {}) {}

bool SchemaValidator::validate(const nlohmann::json& document, Reporter& out) const {
  document::Tree tree;
  document::build_from_json(document, tree);
  const rules::connectors::RequestConnectors none;  // no rule module runs here
  const rules::RuleContext rules{tree.root(), Operation::UpdateConnectorProfile, secret_policy_, nullptr, nullptr,
                                 none};
  return engine::walk_document({context_, schema_only_, rules}, tree.root(), out);
}

}  // namespace appflow_lint::schema_engine
