// The snowflake rule family: the modules it registers.
#include "appflow_lint/rules/snowflake/snowflake_rules.hpp"

#include "appflow_lint/rules/registry.hpp"

namespace appflow_lint::rules {

void add_snowflake_rules(ModuleList& out) { out.push_back(make_snowflake_stage_format()); }

}  // namespace appflow_lint::rules
