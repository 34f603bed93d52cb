// One generated JSON Schema, parsed once: the valijson form for validation, the
// JSON form for classifying faults and writing messages, and every pattern compiled
// with RE2.
//
// Patterns are matched with RE2, not by valijson: valijson uses std::regex, whose
// libstdc++ matcher recurses once per character and overflows the stack on long
// strings (a 100,000-character value crashed it), and is slow. RE2 runs in linear
// time without recursion. valijson validates everything else.
#pragma once

#include <string>
#include <string_view>
#include <memory>
#include <regex>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <re2/re2.h>
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

  // Whether `value` matches a schema `pattern` keyword as a whole. Every pattern is
  // compiled in the constructor; RE2 objects are safe to share between threads.
  bool matches(const std::string& pattern, std::string_view value) const;
  const re2::RE2& regex(const std::string& pattern) const;

  // Whether every string in `document` (and every map key) matches its pattern.
  bool patterns_hold(const nlohmann::json& document) const;

  // valijson's visitor wants a regex cache; the schema it sees has no patterns, so
  // the cache stays empty and is never written.
  std::unordered_map<std::string, std::regex>& unused_regex_cache() const noexcept { return unused_regex_cache_; }

 private:
  nlohmann::json root_;
  valijson::Schema validator_schema_;
  std::unordered_map<std::string, std::unique_ptr<re2::RE2>> patterns_;
  mutable std::unordered_map<std::string, std::regex> unused_regex_cache_;
};

// The subschema for one step down from `schema` into member or element `token`.
const nlohmann::json* child_schema(const nlohmann::json& schema, const std::string& token);

}  // namespace appflow_lint::schema_engine
