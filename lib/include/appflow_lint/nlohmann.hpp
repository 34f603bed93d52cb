// Lint a request a program already holds as nlohmann::json.
// Kept apart from lint.hpp so that users of text linting need not see nlohmann.
#pragma once

#include <nlohmann/json.hpp>

#include "appflow_lint/lint.hpp"

namespace appflow_lint {

// Diagnostics carry pointers but no ranges: a parsed value has no source text.
LintResult lint_json(const Linter& linter, const nlohmann::json& request);

}  // namespace appflow_lint
