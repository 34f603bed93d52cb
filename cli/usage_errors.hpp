// Usage errors: one line "appflow-lint: ..." on standard error and exit status 2. CLI11's
// parse errors are put in plain words here: an unknown option gets the closest known
// one, a missing or wrong value the values the option takes.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace appflow_lint::cli {

// The words after "appflow-lint: " for a parse error of `app` (one that is not --help or
// --version).
std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error);

// Prints "appflow-lint: MESSAGE" (made printable: one line whatever it holds) on
// standard error and returns the usage exit status.
int usage_error(std::string_view message);

// --help and --version as CLI11 prints them (exit status 0); any other parse error as a
// usage error.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace appflow_lint::cli
