// Lints one input (a JSON file or a JSON Lines file) into a FileReport.
#pragma once

#include <string>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/lint.hpp"
#include "inputs.hpp"

namespace appflow_lint::cli {

// A JSON Lines input is one document per line; blank lines are skipped but keep
// their number, so `document` is the 0-based line index and ranges are file lines.
format::FileReport lint_input(const Linter& linter, const Input& input, std::string content);

}  // namespace appflow_lint::cli
