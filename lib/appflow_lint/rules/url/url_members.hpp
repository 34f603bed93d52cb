// The request members that hold a URL, from one small table of pointer patterns
// (url_members.cpp) expanded against the request schema: exact spellings only, so a
// misspelt member (`salesforce`, `instanceURL`) is the schema layer's to report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules::url {

enum class UrlKind : std::uint8_t {
  InstanceUrl,     // a connector's instanceUrl (a vendor host for most)
  ServiceUrl,      // an endpoint AppFlow calls with credentials (SAP host, token, auth-code URLs)
  RedirectUri,     // oAuthRequest.redirectUri (a loopback http:// URI is fine)
};

struct UrlMember {
  std::string pointer;
  std::string_view member;              // "instanceUrl", for messages
  UrlKind kind;
  const connectors::ConnectorRow* row;  // the connector it belongs to (nullptr when unknown)
  const std::string* value;             // the value in the document
};

// The URL members present in the document as strings that the schema layer and
// value.placeholder have nothing to say about (so a url rule never restates them).
std::vector<UrlMember> url_members(const RuleContext& context, Reporter& out);

// The member name of a pointer for messages ("instanceUrl", "redirectUri").
std::string_view member_of(std::string_view pointer);

}  // namespace appflow_lint::rules::url
