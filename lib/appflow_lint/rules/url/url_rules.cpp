// The url family: the modules it registers.
#include "appflow_lint/rules/url/url_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_url_rules(ModuleList& out) {
  out.push_back(make_url_not_absolute());
  out.push_back(make_url_insecure_scheme());
  out.push_back(make_url_embedded_credentials());
  out.push_back(make_url_unexpected_host());
}

}  // namespace appflow_lint::rules
