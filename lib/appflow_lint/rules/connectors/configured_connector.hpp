// Which connector(s) a request configures.
#pragma once

#include <memory_resource>
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
std::pmr::vector<NamedConnector> connectors_in(const document::Node* object, std::pmr::memory_resource* memory);

// A connector's credentials object, under a key spelt as in the table.
struct ConnectorCredentials {
  const ConnectorRow* row;
  const document::Node* object;  // never nullptr
};

// Both maps' connectors, worked out once per request (RuleContext carries them) rather
// than by every rule that asks. The lists live in `memory` (the caller's per-request
// scratch, so a request names its connectors without a heap allocation).
struct RequestConnectors {
  std::pmr::vector<NamedConnector> configured;    // under connectorProfileProperties
  std::pmr::vector<NamedConnector> credentialed;  // under connectorProfileCredentials
  // Each connector whose credentials member is spelt as in the table and is an object,
  // once, in table order: where rules look for tokens, JWTs and oAuthRequest.
  std::pmr::vector<ConnectorCredentials> credentials;
};
RequestConnectors find_connectors(const document::Node* properties, const document::Node* credentials,
                                  std::pmr::memory_resource* memory);

// The single connector configured under connectorProfileProperties (exact spelling),
// or nullptr when there is none or more than one.
const ConnectorRow* configured_connector(const document::Node& document);

}  // namespace appflow_lint::rules::connectors
