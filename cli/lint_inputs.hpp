// Lints one input (a JSON file or a JSON Lines file) into a FileReport.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/lint.hpp"
#include "inputs.hpp"

namespace appflow_lint::cli {

// Moves a line-document's ranges from its own lines to its file's: `lines` down.
void move_to_file_lines(LintResult& result, std::uint32_t lines);

// Blank lines of a JSON Lines input (empty, or only spaces, tabs and a CR) are skipped.
bool is_blank(std::string_view line);

// The whole input in memory (the library's tests and fuzzers; the CLI streams, see
// pipeline.hpp). A JSON Lines input is one document per line; blank lines are skipped but keep
// their number, so `document` is the 0-based line index and ranges are file lines.
format::FileReport lint_input(const Linter& linter, const Input& input, std::string content);

}  // namespace appflow_lint::cli
