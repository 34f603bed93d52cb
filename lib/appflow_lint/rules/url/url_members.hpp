// The request members that hold a URL, from one small table of member paths
// (url_members.cpp) that the URL rules subscribe to: exact spellings only, so a
// misspelt member (`salesforce`, `instanceURL`) is the schema layer's to report.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules::url {

enum class UrlKind : std::uint8_t {
  InstanceUrl,  // a connector's instanceUrl (a vendor host for most)
  ServiceUrl,   // an endpoint AppFlow calls with credentials (SAP host, token, auth-code URLs)
  RedirectUri,  // oAuthRequest.redirectUri (a loopback http:// URI is fine)
};

struct UrlMember {
  const NodeVisit& visit;
  std::string pointer() const { return visit.pointer(); }  // written only for a report
  std::string_view member;                                 // "instanceUrl", for messages
  UrlKind kind;
  const connectors::ConnectorRow* row;    // the connector it belongs to (nullptr when unknown)
  std::string_view value;                 // the value in the document
  const std::optional<UrlParts>* parsed;  // parse_url(value), shared by the URL rules
};

// A URL rule sees each URL member present as a string that the schema layer and
// value.placeholder have nothing to say about (so a url rule never restates them).
class UrlRule : public BasicRuleModule {
 public:
  explicit UrlRule(std::initializer_list<const RuleInfo*> infos) : BasicRuleModule(infos) {}
  std::vector<std::string> node_paths() const final;
  void visit(const RuleContext& context, const NodeVisit& visit, Reporter& out) const final;

 protected:
  virtual void check_url(const UrlMember& member, Reporter& out) const = 0;
};

}  // namespace appflow_lint::rules::url
