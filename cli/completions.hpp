// Shell completion scripts (bash, zsh, fish) generated from the command line's own
// CLI11 definition, so that they list exactly the options `--help` lists.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace appflow_lint::cli {

// The shells a script can be generated for, in the order `--help` names them.
inline const std::vector<std::string> kCompletionShells{"bash", "zsh", "fish"};

// Accepted values by long option name, for options that are not choice options
// (those name their own: option_values.hpp), e.g. the rule ids of --select.
using OptionChoices = std::map<std::string, std::vector<std::string>>;

// The completion script for `shell` (one of kCompletionShells). Options with choices
// complete those; options whose value is a number complete nothing; every other value
// and the PATHs complete file names.
std::string render_completions(const CLI::App& app, const OptionChoices& choices, const std::string& shell);

}  // namespace appflow_lint::cli
