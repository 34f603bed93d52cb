// Running fixture cases (tests/rules/<rule-id>/*.case) as the CLI would: find them,
// read them, lint each with a linter for its operation (JSON Lines line by line,
// then the cross-document checks). Shared by the rule-cases and rule-metadata tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "appflow_lint/lint.hpp"
#include "case_file.hpp"

namespace appflow_lint::testing {

// Every *.case file below `root`, sorted.
std::vector<std::filesystem::path> discover_cases(const std::filesystem::path& root);

std::string read_file(const std::filesystem::path& path);

// The case's document linted with the default options for its operation.
LintResult lint_case(const CaseFile& parsed);

}  // namespace appflow_lint::testing
