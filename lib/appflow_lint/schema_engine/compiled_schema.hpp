// One generated JSON Schema, parsed once: the valijson form for validation, the
// JSON form for classifying faults and writing messages, and every pattern's regex.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/schema.hpp>

namespace appflow_lint::schema_engine {

class CompiledSchema {
 public:
  // Throws std::runtime_error when the schema text is broken (a build defect).
  explicit CompiledSchema(std::string_view schema_text);

  const valijson::Schema& validator_schema() const noexcept { return validator_schema_; }
  const nlohmann::json& root() const noexcept { return root_; }

  // The subschema that governs the instance node at `pointer_tokens`, or nullptr
  // when the path leaves the schema (an unknown member).
  const nlohmann::json* subschema_at(const std::vector<std::string>& pointer_tokens) const;

  // The compiled regex of a schema `pattern` keyword. Every pattern is compiled in the
  // constructor, so lookups never insert: concurrent readers are safe.
  const std::regex& regex(const std::string& pattern) const;

  // valijson wants a mutable cache; handing it the pre-filled one keeps it read-only
  // in practice (it inserts only on a miss, and there are no misses).
  std::unordered_map<std::string, std::regex>& regex_cache() const noexcept {
    return regex_cache_;
  }

 private:
  nlohmann::json root_;
  valijson::Schema validator_schema_;
  mutable std::unordered_map<std::string, std::regex> regex_cache_;
};

// The subschema for one step down from `schema` into member or element `token`.
const nlohmann::json* child_schema(const nlohmann::json& schema, const std::string& token);

}  // namespace appflow_lint::schema_engine
