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

std::vector<NamedConnector> connectors_in(const document::Node* object) {
  std::vector<NamedConnector> found;
  if (object == nullptr || !object->is_object()) return found;
  for (const auto& entry : object->members()) {
    for (const auto& row : connector_rows()) {
      if (equal_ignoring_case(entry.key, row.member)) {
        found.push_back({&row, std::string(entry.key)});
        break;
      }
    }
  }
  return found;
}

const ConnectorRow* configured_connector(const document::Node& document) {
  const document::Node* properties = find(document, paths::kProperties);
  if (properties == nullptr || !properties->is_object() || properties->size() != 1) return nullptr;
  return find_by_member(properties->members().front().key);
}

}  // namespace appflow_lint::rules::connectors
