// The s3 family: the modules it registers.
#include "appflow_lint/rules/s3/s3_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_s3_rules(ModuleList& out) { out.push_back(make_s3_bucket_name()); }

}  // namespace appflow_lint::rules
