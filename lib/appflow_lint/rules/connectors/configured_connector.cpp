#include "appflow_lint/rules/connectors/configured_connector.hpp"

#include <algorithm>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::rules::connectors {
std::vector<NamedConnector> connectors_in(const document::Node* object) {
  std::vector<NamedConnector> found;
  if (object == nullptr || !object->is_object()) return found;
  for (const auto& entry : object->members()) {
    for (const auto& row : connector_rows()) {
      if (ascii::equal_ignoring_case(entry.key, row.member)) {
        found.push_back({&row, entry.key});
        break;
      }
    }
  }
  return found;
}

RequestConnectors find_connectors(const document::Node* properties, const document::Node* credentials) {
  RequestConnectors found{connectors_in(properties), connectors_in(credentials), {}};
  for (const NamedConnector& named : found.credentialed) {
    if (named.member == named.row->member) found.credential_rows.push_back(named.row);
  }
  // The rows are one array, so address order is table order.
  auto& rows = found.credential_rows;
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return found;
}

const ConnectorRow* configured_connector(const document::Node& document) {
  const document::Node* properties = find(document, paths::kProperties);
  if (properties == nullptr || !properties->is_object() || properties->size() != 1) return nullptr;
  return find_by_member(properties->members().front().key);
}

}  // namespace appflow_lint::rules::connectors
