// Which connector(s) a request configures.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "appflow_lint/document/tree.hpp"

#include "appflow_lint/rules/connectors/connector_table.hpp"

namespace appflow_lint::rules::connectors {

struct NamedConnector {
  const ConnectorRow* row;
  std::string member;  // the member name as written (may differ in case from row->member)
};

// The members of `object` (connectorProfileProperties or -Credentials) that name a
// connector, matching case-insensitively: a misspelt `salesforce` is the schema
// layer's fault to report, and still tells which connector is meant.
std::vector<NamedConnector> connectors_in(const document::Node* object);

// The single connector configured under connectorProfileProperties (exact spelling),
// or nullptr when there is none or more than one.
const ConnectorRow* configured_connector(const document::Node& document);

}  // namespace appflow_lint::rules::connectors
