// Which connector(s) a request configures.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "appflow_lint/document/tree.hpp"

#include "appflow_lint/rules/connectors/connector_table.hpp"

namespace appflow_lint::rules::connectors {

struct NamedConnector {
  const ConnectorRow* row;
  std::string_view member;  // the key as written (its case may differ from row->member)
};

// The members of `object` (connectorProfileProperties or -Credentials) that name a
// connector, matching case-insensitively: a misspelt `salesforce` is the schema
// layer's fault to report, and still tells which connector is meant. Each `member`
// is a view of the document's key.
std::vector<NamedConnector> connectors_in(const document::Node* object);

// Both maps' connectors, worked out once per request (RuleContext carries them) rather
// than by every rule that asks.
struct RequestConnectors {
  std::vector<NamedConnector> configured;    // under connectorProfileProperties
  std::vector<NamedConnector> credentialed;  // under connectorProfileCredentials
  // The rows whose credentials member is spelt as in the table, each once, in table
  // order: where rules look for tokens and oAuthRequest.
  std::vector<const ConnectorRow*> credential_rows;
};
RequestConnectors find_connectors(const document::Node* properties, const document::Node* credentials);

// The single connector configured under connectorProfileProperties (exact spelling),
// or nullptr when there is none or more than one.
const ConnectorRow* configured_connector(const document::Node& document);

}  // namespace appflow_lint::rules::connectors
