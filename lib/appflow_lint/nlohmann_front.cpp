// lint_json(): the nlohmann::json front end, kept out of lint.cpp so that only
// programs that include appflow_lint/nlohmann.hpp see nlohmann in the API.
#include "appflow_lint/nlohmann.hpp"

#include "appflow_lint/linter_impl.hpp"

namespace appflow_lint {

LintResult lint_json(const Linter& linter, const nlohmann::json& request) { return linter.impl().lint_value(request); }

}  // namespace appflow_lint
