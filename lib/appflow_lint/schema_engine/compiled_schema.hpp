// One generated JSON Schema, compiled once into the structure the engine's walk
// follows: per node its type, member table, required set, length bounds (in code
// points), enum, bounds and a compiled pattern. The JSON form stays beside it for
// writing messages. The engine (not valijson) gives the verdict; valijson is the
// reference a differential test holds it to (tests/unit/engine_differential_test.cpp).
//
// The schemas use only: type, properties, required, additionalProperties (false or a
// schema), propertyNames, min/maxProperties, min/maxLength, pattern, enum, minimum,
// maximum, items. The compiler rejects any other validation keyword, so a schema change
// cannot be silently ignored.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/schema_engine/json_type.hpp"
#include "appflow_lint/schema_engine/string_matcher.hpp"

namespace appflow_lint::schema_engine {

struct SchemaNode;

struct SchemaProperty {
  std::string name;
  const SchemaNode* schema = nullptr;
};

struct SchemaNode {
  const nlohmann::json* json = nullptr;  // this subschema, for messages
  std::uint32_t index = 0;               // position in its schema: 0 .. node_count()-1
  JsonType type = JsonType::Any;
  bool sensitive = false;       // x-appflow-sensitive
  bool keys_sensitive = false;  // propertyNames is sensitive: the map's keys are secrets
  // strings
  std::optional<std::size_t> min_length, max_length;
  const StringMatcher* pattern = nullptr;
  bool has_enum = false;
  std::vector<nlohmann::json> enum_values;
  // numbers
  std::optional<double> minimum, maximum;
  // objects
  std::vector<SchemaProperty> properties;                                  // sorted by name
  std::unordered_map<std::string_view, const SchemaNode*> property_index;  // name -> schema, over `properties`
  std::vector<std::string> required;
  bool closed = false;                         // additionalProperties: false
  const SchemaNode* additional = nullptr;      // additionalProperties: {schema}
  const SchemaNode* property_names = nullptr;  // propertyNames
  std::optional<std::size_t> min_properties, max_properties;
  // arrays
  const SchemaNode* items = nullptr;

  bool expects_container() const noexcept { return type == JsonType::Object || type == JsonType::Array; }
  // A declared member's schema, or nullptr.
  const SchemaNode* property(std::string_view name) const noexcept;
  // The schema of member `name`: declared, else additionalProperties' schema; nullptr
  // when the schema does not know it.
  const SchemaNode* member(std::string_view name) const noexcept { return member_given(property(name)); }
  // The same, for a caller that has looked up property(name) already.
  const SchemaNode* member_given(const SchemaNode* declared) const noexcept {
    return declared != nullptr ? declared : additional;
  }
};

class CompiledSchema {
 public:
  // Throws std::runtime_error when the schema text is broken (a build defect).
  explicit CompiledSchema(std::string_view schema_text);
  CompiledSchema(const CompiledSchema&) = delete;
  CompiledSchema& operator=(const CompiledSchema&) = delete;

  const nlohmann::json& root() const noexcept { return root_json_; }
  const SchemaNode& root_node() const noexcept { return *root_node_; }
  std::size_t node_count() const noexcept { return nodes_.size(); }

  // The compiled form of a `pattern` keyword of this schema.
  const StringMatcher& matcher(const std::string& pattern) const;
  const re2::RE2& regex(const std::string& pattern) const { return matcher(pattern).regex(); }

  // The node a JSON subschema of this schema was compiled into, or nullptr.
  const SchemaNode* node_for(const nlohmann::json* subschema) const;

 private:
  const SchemaNode* compile(const nlohmann::json& subschema);

  nlohmann::json root_json_;
  std::deque<SchemaNode> nodes_;
  std::unordered_map<std::string, std::unique_ptr<StringMatcher>> matchers_;
  std::unordered_map<const nlohmann::json*, const SchemaNode*> by_json_;
  const SchemaNode* root_node_ = nullptr;
};

// The JSON subschema for one step down from `schema` into member or element `token`
// (properties, then additionalProperties, then items), or nullptr.
const nlohmann::json* child_schema(const nlohmann::json& schema, const std::string& token);

}  // namespace appflow_lint::schema_engine
