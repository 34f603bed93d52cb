#include "appflow_lint/schema_engine/schema_validator.hpp"

#include <set>
#include <vector>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"

namespace appflow_lint::schema_engine {
namespace {

using Adapter = valijson::adapters::NlohmannJsonAdapter;
using Tokens = std::vector<std::string>;

bool run_valijson(const CompiledSchema& schema, const nlohmann::json& document,
                  valijson::ValidationResults* results) {
  Adapter target(document);
  // A visitor built directly (not valijson::Validator, which owns a mutable regex
  // cache) so that every thread shares the schema's pre-compiled regexes.
  valijson::ValidationVisitor<Adapter> visitor(target, {"<root>"}, /*strictTypes=*/true, results,
                                               schema.regex_cache());
  return visitor.validateSchema(schema.validator_schema());
}

// valijson's context is {"<root>", "[name]", "[0]", ...}: one element per step.
Tokens tokens_of(const std::vector<std::string>& context) {
  Tokens tokens;
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string& step = context[i];
    if (step.size() >= 2 && step.front() == '[' && step.back() == ']') {
      tokens.push_back(step.substr(1, step.size() - 2));
    }
  }
  return tokens;
}

const nlohmann::json* node_at(const nlohmann::json& document, const Tokens& tokens, std::size_t depth) {
  const nlohmann::json* node = &document;
  for (std::size_t i = 0; i < depth; ++i) {
    const std::string& token = tokens[i];
    if (node->is_object()) {
      auto found = node->find(token);
      if (found == node->end()) return nullptr;
      node = &*found;
    } else if (node->is_array()) {
      std::size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

std::string pointer_of(const Tokens& tokens, std::size_t depth) {
  std::string pointer;
  for (std::size_t i = 0; i < depth; ++i) pointer = json_pointer::child(pointer, tokens[i]);
  return pointer;
}

}  // namespace

SchemaValidator::SchemaValidator(std::string_view schema_text, std::string operation_name,
                                 std::shared_ptr<const CompiledSchema> other,
                                 std::string other_operation_name)
    : schema_(std::make_shared<CompiledSchema>(schema_text)),
      operation_name_(std::move(operation_name)),
      other_(std::move(other)),
      other_operation_name_(std::move(other_operation_name)) {}

bool SchemaValidator::validate(const nlohmann::json& document, Reporter& out) const {
  // Fast path: valijson stops at the first fault when it keeps no results.
  if (run_valijson(*schema_, document, nullptr)) return true;

  valijson::ValidationResults results;
  run_valijson(*schema_, document, &results);

  // Each failing node and its ancestors is re-checked once (a map key's fault is
  // reported at the key's value by valijson but belongs to the map's keywords).
  std::set<Tokens> checked;
  const CheckContext context{*schema_, operation_name_, other_ ? &other_->root() : nullptr,
                             other_operation_name_};
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    const Tokens tokens = tokens_of(error.context);
    for (std::size_t depth = 0; depth <= tokens.size(); ++depth) {
      Tokens prefix(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(depth));
      if (!checked.insert(prefix).second) continue;
      const nlohmann::json* node = node_at(document, tokens, depth);
      const nlohmann::json* subschema = schema_->subschema_at(prefix);
      if (node == nullptr || subschema == nullptr) break;
      check_node(context, *node, *subschema, pointer_of(tokens, depth), out);
    }
  }
  return false;
}

}  // namespace appflow_lint::schema_engine
