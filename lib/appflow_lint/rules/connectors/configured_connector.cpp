#include "appflow_lint/rules/connectors/configured_connector.hpp"

#include <algorithm>
#include <cctype>

#include "appflow_lint/rules/document.hpp"

namespace appflow_lint::rules::connectors {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::vector<NamedConnector> connectors_in(const nlohmann::json* object) {
  std::vector<NamedConnector> found;
  if (object == nullptr || !object->is_object()) return found;
  for (const auto& [name, value] : object->items()) {
    for (const auto& row : connector_rows()) {
      if (equal_ignoring_case(name, row.member)) {
        found.push_back({&row, name});
        break;
      }
    }
  }
  return found;
}

const ConnectorRow* configured_connector(const nlohmann::json& document) {
  const nlohmann::json* properties = find(document, paths::kProperties);
  if (properties == nullptr || !properties->is_object() || properties->size() != 1) return nullptr;
  return find_by_member(properties->begin().key());
}

}  // namespace appflow_lint::rules::connectors
