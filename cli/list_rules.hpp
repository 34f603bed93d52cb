// --list-rules: the rule catalog as a table or as JSON (id, severity, category, fix,
// since, summary).
#pragma once

#include <string>

namespace appflow_lint::cli {

std::string render_rule_list(bool as_json);

}  // namespace appflow_lint::cli
