#include "appflow_lint/schema_engine/compiled_schema.hpp"

#include <algorithm>
#include <stdexcept>

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/document/text_builder.hpp"
#include "appflow_lint/text/same_name.hpp"

namespace appflow_lint::schema_engine {
namespace {

using nlohmann::json;

// Keywords that only describe or that the generator adds for people and tools.
bool is_annotation(std::string_view keyword) {
  return keyword == "description" || keyword == "title" || keyword == "$schema" || keyword == "$id" ||
         keyword == "$comment" || keyword.starts_with("x-");
}

// simdjson's pass into a tree and a copy of that to nlohmann::json cost less than half
// of nlohmann's own parser (every CLI run builds a Linter, so this is startup time).
// The bundled schemas always take the first way; nlohmann explains anything else.
json parse_schema(std::string_view text) {
  constexpr std::size_t kMaxDepth = 64;
  constexpr std::size_t kMaxEntries = 1 << 16;
  document::TextBuilder builder;
  document::Tree tree;
  if (builder.build(text, tree, kMaxDepth, kMaxEntries)) return document::to_json(tree.root());
  return json::parse(text);
}

}  // namespace

const SchemaNode* SchemaNode::property(std::string_view name) const noexcept {
  // Most objects of the model declare a handful of members: comparing them costs less
  // than hashing the name.
  constexpr std::size_t kScanned = 8;
  if (properties.size() <= kScanned) {
    for (const auto& property : properties) {
      if (text::same_name(property.name, name)) return property.schema;
    }
    return nullptr;
  }
  auto found = property_index.find(name);
  return found == property_index.end() ? nullptr : found->second;
}

CompiledSchema::CompiledSchema(std::string_view schema_text) : root_json_(parse_schema(schema_text)) {
  root_node_ = compile(root_json_);
}

const SchemaNode* CompiledSchema::compile(const json& subschema) {
  if (!subschema.is_object()) throw std::runtime_error("a subschema is not an object");
  SchemaNode& node = nodes_.emplace_back();
  node.json = &subschema;
  node.index = static_cast<std::uint32_t>(nodes_.size() - 1);
  by_json_.emplace(&subschema, &node);
  for (const auto& [keyword, value] : subschema.items()) {
    if (is_annotation(keyword)) continue;
    if (keyword == "type") {
      const auto& name = value.get_ref<const std::string&>();
      const std::optional<JsonType> type = type_named(name);
      if (!type) throw std::runtime_error("schema type not supported: " + name);
      node.type = *type;
    } else if (keyword == "minLength") {
      node.min_length = value.get<std::size_t>();
    } else if (keyword == "maxLength") {
      node.max_length = value.get<std::size_t>();
    } else if (keyword == "pattern") {
      const std::string text = value.get<std::string>();
      auto& slot = matchers_[text];
      if (!slot) slot = std::make_unique<StringMatcher>(text);
      node.pattern = slot.get();
    } else if (keyword == "enum") {
      node.has_enum = true;
      node.enum_values.assign(value.begin(), value.end());
    } else if (keyword == "minimum") {
      node.minimum = value.get<double>();
    } else if (keyword == "maximum") {
      node.maximum = value.get<double>();
    } else if (keyword == "properties") {
      for (const auto& [name, child] : value.items()) node.properties.push_back({name, compile(child)});
      std::sort(node.properties.begin(), node.properties.end(),
                [](const SchemaProperty& a, const SchemaProperty& b) { return a.name < b.name; });
      for (const auto& property : node.properties) node.property_index.emplace(property.name, property.schema);
    } else if (keyword == "required") {
      node.required = value.get<std::vector<std::string>>();
    } else if (keyword == "additionalProperties") {
      if (value.is_boolean()) {
        node.closed = !value.get<bool>();
      } else {
        node.additional = compile(value);
      }
    } else if (keyword == "propertyNames") {
      node.property_names = compile(value);
    } else if (keyword == "minProperties") {
      node.min_properties = value.get<std::size_t>();
    } else if (keyword == "maxProperties") {
      node.max_properties = value.get<std::size_t>();
    } else if (keyword == "items") {
      node.items = compile(value);
    } else {
      throw std::runtime_error("schema keyword not supported by the engine: " + keyword);
    }
  }
  auto flag = subschema.find("x-appflow-sensitive");
  node.sensitive = flag != subschema.end() && flag->is_boolean() && flag->get<bool>();
  node.keys_sensitive = node.property_names != nullptr && node.property_names->sensitive;
  return &node;
}

const StringMatcher& CompiledSchema::matcher(const std::string& pattern) const {
  auto found = matchers_.find(pattern);
  if (found == matchers_.end()) throw std::logic_error("pattern not in the compiled schema: " + pattern);
  return *found->second;
}

const SchemaNode* CompiledSchema::node_for(const json* subschema) const {
  auto found = by_json_.find(subschema);
  return found == by_json_.end() ? nullptr : found->second;
}

const json* child_schema(const json& schema, const std::string& token) {
  if (!schema.is_object()) return nullptr;
  if (auto properties = schema.find("properties"); properties != schema.end()) {
    if (auto member = properties->find(token); member != properties->end()) return &*member;
  }
  if (auto additional = schema.find("additionalProperties"); additional != schema.end() && additional->is_object()) {
    return &*additional;
  }
  if (auto items = schema.find("items"); items != schema.end() && items->is_object()) {
    return &*items;
  }
  return nullptr;
}

}  // namespace appflow_lint::schema_engine
