// Validates a parsed request against one operation's schema and reports every
// fault under its schema.* rule, at the node's JSON Pointer.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::schema_engine {

class SchemaValidator {
 public:
  // `other` is the other operation's schema (for "belongs to ..." hints); may be null.
  SchemaValidator(std::string_view schema_text, std::string operation_name,
                  std::shared_ptr<const CompiledSchema> other, std::string other_operation_name);

  // Returns true when the document is valid. Thread-safe.
  bool validate(const nlohmann::json& document, Reporter& out) const;

  const CompiledSchema& schema() const noexcept { return *schema_; }
  // What of a document this schema lets output echo (built once, with the schema).
  const secrets::SecretPolicy& secret_policy() const noexcept { return secret_policy_; }

 private:
  std::shared_ptr<const CompiledSchema> schema_;
  secrets::SecretPolicy secret_policy_;
  std::string operation_name_;
  std::shared_ptr<const CompiledSchema> other_;
  std::string other_operation_name_;
};

}  // namespace appflow_lint::schema_engine
