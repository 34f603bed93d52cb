// What the SARIF log records about this run that only the CLI knows: the levels
// configured for every input (its ruleConfigurationOverrides).
#pragma once

#include <vector>

#include "appflow_lint/format/sarif_format.hpp"
#include "pipeline.hpp"

namespace appflow_lint::cli {

// The severities every input agrees on (--rule, or one configuration for all); a
// level set for some inputs only is left to their results' own level.
format::SarifOptions sarif_options(const std::vector<PlannedInput>& inputs);

}  // namespace appflow_lint::cli
