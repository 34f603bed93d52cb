// One operation's compiled request schema with what the engine needs beside it: the
// secret policy built from it and the other operation's schema (for "belongs to ..."
// hints). validate() checks a document against the schema alone, through the same
// walk the Linter runs (engine/document_walk), with no rule modules.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/engine/document_walk.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::schema_engine {

class SchemaValidator {
 public:
  // `other_root_members`: the other operation's root members, sorted (for "is a member
  // of ..." hints); may be empty.
  SchemaValidator(std::string_view schema_text, std::string operation_name, std::vector<std::string> other_root_members,
                  std::string other_operation_name);
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  // Returns true when the document is valid. Thread-safe.
  bool validate(const nlohmann::json& document, Reporter& out) const;

  const CompiledSchema& schema() const noexcept { return *schema_; }
  // What of a document this schema lets output echo (built once, with the schema).
  const secrets::SecretPolicy& secret_policy() const noexcept { return secret_policy_; }
  const CheckContext& check_context() const noexcept { return context_; }

 private:
  std::shared_ptr<const CompiledSchema> schema_;
  secrets::SecretPolicy secret_policy_;
  std::string operation_name_;
  std::vector<std::string> other_root_members_;
  std::string other_operation_name_;
  CheckContext context_;
  engine::Dispatch schema_only_;  // validate()'s: no rule modules
};

}  // namespace appflow_lint::schema_engine
