// The arn family: the modules it registers.
#include "appflow_lint/rules/arn/arn_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_arn_rules(ModuleList& out) {
  out.push_back(make_arn_iam_role());
  out.push_back(make_arn_secrets_manager_secret());
  out.push_back(make_arn_kms_key());
}

}  // namespace appflow_lint::rules
