// The jwt rule family: checks of the JSON Web Tokens a profile carries.
#include "appflow_lint/rules/jwt/jwt_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_jwt_rules(ModuleList& out) { out.push_back(make_jwt_token_checks()); }

}  // namespace appflow_lint::rules
