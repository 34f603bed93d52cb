#include "appflow_lint/rules/url/url_members.hpp"

#include <array>

#include "appflow_lint/engine/path.hpp"

namespace appflow_lint::rules::url {
namespace {

// Member names from the root; `*` stands for any declared member. Redshift's
// databaseUrl is a JDBC URL (jdbc:redshift://...), not one of these.
constexpr std::array<std::string_view, 7> kUrlPaths{
    "connectorProfileConfig/connectorProfileProperties/*/instanceUrl",
    "connectorProfileConfig/connectorProfileProperties/*/applicationHostUrl",
    "connectorProfileConfig/connectorProfileProperties/*/oAuthProperties/tokenUrl",
    "connectorProfileConfig/connectorProfileProperties/*/oAuthProperties/authCodeUrl",
    "connectorProfileConfig/connectorProfileProperties/*/oAuth2Properties/tokenUrl",
    "connectorProfileConfig/connectorProfileCredentials/*/oAuthRequest/redirectUri",
    "connectorProfileConfig/connectorProfileCredentials/*/*/oAuthRequest/redirectUri",
};

// The kind follows from the member's name in every path above.
UrlKind kind_of(std::string_view member) {
  if (member == "instanceUrl") return UrlKind::InstanceUrl;
  if (member == "redirectUri") return UrlKind::RedirectUri;
  return UrlKind::ServiceUrl;
}

}  // namespace

std::vector<std::string> UrlRule::node_paths() const {
  std::vector<std::string> paths;
  for (const auto path : kUrlPaths) paths.emplace_back(path);
  return paths;
}

void UrlRule::visit(const RuleContext&, const NodeVisit& visit, Reporter& out) const {
  if (!visit.node.is_string() || visit.node.schema_faulted()) return;
  const std::string_view value = visit.node.string();
  if (visit.facts.placeholder(false)) return;  // value.placeholder reports it
  // The connector is the member below connectorProfileProperties/-Credentials.
  const connectors::ConnectorRow* row =
      visit.path.depth() > 2 ? connectors::find_by_member(visit.path.step(2).name) : nullptr;
  check_url({visit, visit.member, kind_of(visit.member), row, value, &visit.facts.url()}, out);
}

}  // namespace appflow_lint::rules::url
