// The oauth rule family: the OAuth 2.0 members shared by many connectors' credentials.
#include "appflow_lint/rules/oauth/oauth_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_oauth_rules(ModuleList& out) { out.push_back(make_oauth_request()); }

}  // namespace appflow_lint::rules
