// The reference the engine is held to (tests/unit/engine_differential_test.cpp): the
// verdict of valijson (draft 7, every keyword but `pattern`) with RE2 for the patterns,
// and the schema faults as the engine before the one-pass walk found them: from the
// root, every node whose subschema valijson's verdict covers, checked keyword by
// keyword on nlohmann::json.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace appflow_lint::testing {

using RulePointer = std::pair<std::string, std::string>;  // (rule id, JSON Pointer)

class ReferenceValidator {
 public:
  explicit ReferenceValidator(std::string_view schema_text);
  ~ReferenceValidator();

  bool valid(const nlohmann::json& document) const;
  // (rule, pointer) of every schema.* diagnostic; empty when valid() is true.
  std::set<RulePointer> faults(const nlohmann::json& document) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace appflow_lint::testing
