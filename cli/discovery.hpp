// Which inputs a run lints: the PATHs walked (inputs.hpp), the configuration's
// `ignore`, and what a PATH that yields nothing means (exit 2, or a warning with
// --no-error-on-unmatched).
#pragma once

#include <string>
#include <vector>

#include "command_line.hpp"
#include "config.hpp"
#include "config_resolver.hpp"
#include "inputs.hpp"

namespace appflow_lint::cli {

struct DiscoveredInput {
  Input input;
  const Config* config = nullptr;  // the one that applies to it, owned by the resolver
};

struct Discovery {
  std::vector<DiscoveredInput> inputs;
  std::vector<std::string> problems;       // each makes the run exit 2, in words
  std::vector<std::string> warnings;       // PATHs that yield nothing, with --no-error-on-unmatched
  std::vector<std::string> config_errors;  // broken configurations: the run lints nothing
  // Every PATH matched nothing (and that is an error): the run ends with the problems,
  // printing no report, as ESLint does, rather than a "no problems in 0 files".
  bool nothing_matched = false;
};

// Walks the PATHs, each file with its nearest configuration. With --verbose, says on
// standard error what was skipped and why; with --no-error-on-unmatched, warns there
// of each PATH that yields nothing (and keeps the warnings for the report).
Discovery discover_inputs(const Settings& settings, ConfigResolver& configs);

}  // namespace appflow_lint::cli
