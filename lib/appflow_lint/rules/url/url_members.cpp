#include "appflow_lint/rules/url/url_members.hpp"

#include <array>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/placeholder/request_schema.hpp"

namespace appflow_lint::rules::url {
namespace {

struct Pattern {
  std::string_view pointer;  // `*` stands for any member the schema declares there
  UrlKind kind;
};

// Redshift's databaseUrl is a JDBC URL (jdbc:redshift://...), not one of these.
constexpr std::array<Pattern, 7> kPatterns{{
    {"/connectorProfileConfig/connectorProfileProperties/*/instanceUrl", UrlKind::InstanceUrl},
    {"/connectorProfileConfig/connectorProfileProperties/*/applicationHostUrl", UrlKind::ServiceUrl},
    {"/connectorProfileConfig/connectorProfileProperties/*/oAuthProperties/tokenUrl", UrlKind::ServiceUrl},
    {"/connectorProfileConfig/connectorProfileProperties/*/oAuthProperties/authCodeUrl", UrlKind::ServiceUrl},
    {"/connectorProfileConfig/connectorProfileProperties/*/oAuth2Properties/tokenUrl", UrlKind::ServiceUrl},
    {"/connectorProfileConfig/connectorProfileCredentials/*/oAuthRequest/redirectUri", UrlKind::RedirectUri},
    {"/connectorProfileConfig/connectorProfileCredentials/*/*/oAuthRequest/redirectUri", UrlKind::RedirectUri},
}};

struct Target {
  std::string pointer;
  UrlKind kind;
  const connectors::ConnectorRow* row;
};

std::vector<Target> expand_all(Operation operation) {
  std::vector<Target> targets;
  for (const auto& pattern : kPatterns) {
    for (auto& pointer : request_schema::expand(operation, pattern.pointer)) {
      const auto tokens = json_pointer::split(pointer);
      const connectors::ConnectorRow* row = tokens.size() > 2 ? connectors::find_by_member(tokens[2]) : nullptr;
      targets.push_back({std::move(pointer), pattern.kind, row});
    }
  }
  return targets;
}

const std::vector<Target>& targets(Operation operation) {
  static const std::vector<Target> update = expand_all(Operation::UpdateConnectorProfile);
  static const std::vector<Target> create = expand_all(Operation::CreateConnectorProfile);
  return operation == Operation::CreateConnectorProfile ? create : update;
}

}  // namespace

std::string_view member_of(std::string_view pointer) {
  const auto slash = pointer.rfind('/');
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

std::vector<UrlMember> url_members(const RuleContext& context, Reporter& out) {
  std::vector<UrlMember> found;
  for (const auto& target : targets(context.operation)) {
    const nlohmann::json* node = find(context.document, target.pointer);
    if (node == nullptr || !node->is_string()) continue;
    const std::string& value = node->get_ref<const std::string&>();
    if (schema_reported(out, target.pointer)) continue;
    if (placeholder::find_placeholder(value, false)) continue;  // value.placeholder reports it
    found.push_back({target.pointer, member_of(target.pointer), target.kind, target.row, &value});
  }
  return found;
}

}  // namespace appflow_lint::rules::url
