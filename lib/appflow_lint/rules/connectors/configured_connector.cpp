#include "appflow_lint/rules/connectors/configured_connector.hpp"

#include <algorithm>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::rules::connectors {
std::pmr::vector<NamedConnector> connectors_in(const document::Node* object, std::pmr::memory_resource* memory) {
  std::pmr::vector<NamedConnector> found(memory);
  if (object == nullptr || !object->is_object()) return found;
  for (const auto& entry : object->members()) {
    // Keys are nearly always spelt as in the table: one lookup settles those. No two
    // members of the table differ only in case, so an exact match is the only match.
    if (const ConnectorRow* row = find_by_member(entry.key)) {
      found.push_back({row, entry.key});
      continue;
    }
    for (const auto& row : connector_rows()) {
      if (ascii::equal_ignoring_case(entry.key, row.member)) {
        found.push_back({&row, entry.key});
        break;
      }
    }
  }
  return found;
}

RequestConnectors find_connectors(const document::Node* properties, const document::Node* credentials,
                                  std::pmr::memory_resource* memory) {
  RequestConnectors found{connectors_in(properties, memory), connectors_in(credentials, memory),
                          std::pmr::vector<ConnectorCredentials>(memory)};
  auto& entries = found.credentials;
  for (const NamedConnector& named : found.credentialed) {
    if (named.member == named.row->member) entries.push_back({named.row, nullptr});
  }
  // The rows are one array, so address order is table order.
  const auto row_less = [](const ConnectorCredentials& a, const ConnectorCredentials& b) { return a.row < b.row; };
  const auto same_row = [](const ConnectorCredentials& a, const ConnectorCredentials& b) { return a.row == b.row; };
  std::sort(entries.begin(), entries.end(), row_less);
  entries.erase(std::unique(entries.begin(), entries.end(), same_row), entries.end());
  // The value that counts where a key repeats, as every other lookup reads it.
  for (auto& entry : entries) entry.object = object_member(credentials, entry.row->member);
  std::erase_if(entries, [](const ConnectorCredentials& entry) { return entry.object == nullptr; });
  return found;
}

const ConnectorRow* configured_connector(const document::Node& document) {
  const document::Node* properties = find(document, paths::kProperties);
  if (properties == nullptr || !properties->is_object() || properties->size() != 1) return nullptr;
  return find_by_member(properties->members().front().key);
}

}  // namespace appflow_lint::rules::connectors
