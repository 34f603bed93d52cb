// The command line of `appflow-lint` (not `appflow-lint server`): its options, and
// the checks between them that CLI11 cannot express.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "appflow_lint/lint.hpp"

namespace appflow_lint::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitErrors = 1;
inline constexpr int kExitUsage = 2;

enum class OutputFormat { Text, Json, Sarif, Gcc, Github };
enum class ColorMode { Auto, Always, Never };

struct Settings {
  std::vector<std::string> paths;
  std::optional<Operation> operation;  // set when given on the command line
  std::vector<std::string> rules;      // --rule ID=SEVERITY
  std::string config_path;
  OutputFormat format = OutputFormat::Text;
  ColorMode color = ColorMode::Auto;
  bool stdin_jsonl = false;
  std::string stdin_filename;  // --stdin-filename: lint standard input as this file
  bool fix = false;            // --fix
  bool unsafe_fixes = false;   // --unsafe-fixes
  bool diff = false;           // --diff
  bool quiet = false;
  bool list_rules = false;
  int max_warnings = -1;
  unsigned jobs = 1;                   // worker threads; the default is set from the number of cores
  bool no_ignore = false;              // --no-ignore: walk hidden entries, node_modules and ignored paths
  bool no_error_on_unmatched = false;  // --no-error-on-unmatched: a PATH with nothing to lint only warns
  bool verbose = false;                // --verbose: say what folder walks skipped and why
  bool force_exclude = false;          // --force-exclude: named files are chosen as in a folder walk
  // Outputs and selection (docs/cli.md "Outputs and rule selection").
  std::vector<std::string> outputs;                // -o FORMAT:PATH, each one more report
  bool exit_zero = false;                          // --exit-zero: findings do not fail the run
  bool statistics = false;                         // --statistics: counts per rule after the report
  std::optional<std::vector<std::string>> select;  // --select PATTERN[,PATTERN]: the rules to run
  std::vector<std::string> ignore_rules;           // --ignore PATTERN[,PATTERN]: rules to leave out
  std::string baseline_path;                       // --baseline FILE: leave out what it lists
  std::string write_baseline_path;                 // --write-baseline FILE: record what is reported there
};

// The settings, or the exit status when the run ends here (--help, --version,
// --list-rules, or a usage error already printed).
std::variant<Settings, int> parse_command_line(int argc, char** argv);

}  // namespace appflow_lint::cli
