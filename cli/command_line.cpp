#include "command_line.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "appflow_lint/appflow_lint.hpp"
#include "appflow_lint/rule_info.hpp"
#include "completions.hpp"
#include "list_rules.hpp"
#include "option_values.hpp"
#include "report_outputs.hpp"
#include "rule_selection.hpp"
#include "usage_errors.hpp"

namespace appflow_lint::cli {
namespace {

unsigned default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace

std::variant<Settings, int> parse_command_line(int argc, char** argv) {
  CLI::App app{"Lints AWS AppFlow CreateConnectorProfile / UpdateConnectorProfile requests.", "appflow-lint"};
  app.set_version_flag("--version", std::string("appflow-lint ") + kVersion);
  Settings settings;
  app.add_option("paths", settings.paths,
                 "Files, directories (searched for *.json, *.jsonl, *.ndjson) or - for standard input");
  add_choice_option<Operation>(app, "--operation", settings.operation,
                               {{"UpdateConnectorProfile", Operation::UpdateConnectorProfile},
                                {"CreateConnectorProfile", Operation::CreateConnectorProfile}},
                               "The request shape")
      ->default_str("UpdateConnectorProfile");
  add_choice_option<OutputFormat>(app, "--format", settings.format, output_formats(), "Output format")
      ->default_str("text");
  add_choice_option<ColorMode>(app, "--color", settings.color,
                               {{"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
                               "Colour text output: auto (a terminal without NO_COLOR), always, never")
      ->default_str("auto");
  app.add_flag("--jsonl", settings.stdin_jsonl, "Read standard input as JSON Lines (one request per line)");
  app.add_option("--stdin-filename", settings.stdin_filename,
                 "Lint standard input as if it were this file: its configuration (the nearest "
                 ".appflow-lint.json, ignore, overrides) and its name in the output; implies PATH -")
      ->check([](const std::string& name) { return name.empty() ? "must name a file (it is empty)" : std::string(); });
  app.add_flag("--fix", settings.fix,
               "Apply the safe fixes in place (standard input: print the fixed text), then report what remains");
  app.add_flag("--unsafe-fixes", settings.unsafe_fixes,
               "With --fix or --diff: apply the unsafe fixes too (they change values, not only spelling)");
  app.add_flag("--diff", settings.diff,
               "Print a unified diff of what --fix would change and write nothing; exit 1 when there is a change");
  app.add_flag("-q,--quiet", settings.quiet, "Report errors only");
  add_whole_number_option(app, "--max-warnings", settings.max_warnings, 0, std::numeric_limits<int>::max(),
                          "Exit with status 1 when there are more warnings than this")
      ->default_str("");  // no limit
  app.add_option("--rule", settings.rules, "Set a rule's severity: ID=off|info|warning|error (repeatable)")
      ->allow_extra_args(false);  // one ID=SEVERITY per --rule: never swallow the PATHs
  app.add_option("--config", settings.config_path,
                 "Configuration file (default: the nearest .appflow-lint.json in this folder or a parent)");
  settings.jobs = default_jobs();
  add_whole_number_option(
      app, "-j,--jobs", settings.jobs, 1u, 1024u,
      "Lint with this many threads (default: the number of cores); the output does not depend on it");
  app.add_flag("--no-ignore", settings.no_ignore,
               "In folders, also lint hidden entries, node_modules and what .gitignore and .ignore files exclude");
  app.add_flag("--no-error-on-unmatched", settings.no_error_on_unmatched,
               "A PATH that does not exist or holds no file to lint is a warning, not exit status 2");
  app.add_flag("--force-exclude", settings.force_exclude,
               "Choose the files named on the command line as a folder walk would (the configuration's files and "
               "ignore, request-shaped JSON only), for hooks that name every changed file");
  app.add_flag("--verbose", settings.verbose, "Say on standard error what folder walks skipped, and why");
  // Outputs and selection: see docs/cli.md.
  app.add_option("-o,--output", settings.outputs,
                 "Also write the report in FORMAT to PATH (repeatable; FORMAT as --format, which keeps "
                 "choosing standard output's)")
      ->type_name("FORMAT:PATH")
      ->allow_extra_args(false);
  app.add_flag("--exit-zero", settings.exit_zero,
               "Exit with status 0 whatever the findings (2 still for a usage error or an unreadable path)");
  app.add_flag("--statistics", settings.statistics, "After the report, count the diagnostics per rule");
  std::vector<std::string> select;
  app.add_option("--select", select,
                 "Run only these rules: ids, id prefixes (schema, jwt) or globs (salesforce.*), comma-separated, "
                 "repeatable")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  app.add_option("--ignore", settings.ignore_rules,
                 "Do not run these rules (patterns as --select); --rule ID=SEVERITY still turns one on")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  const auto not_empty = [](const std::string& name) {
    return name.empty() ? "must name a file (it is empty)" : std::string();
  };
  auto* baseline = app.add_option("--baseline", settings.baseline_path,
                                  "Leave out the diagnostics this file (from --write-baseline) lists; say how many of "
                                  "its entries matched nothing")
                       ->check(not_empty);
  app.add_option("--write-baseline", settings.write_baseline_path,
                 "Write the diagnostics reported to this file as a baseline, for --baseline; exit 0")
      ->check(not_empty)
      ->excludes(baseline);
  app.add_flag("--list-rules", settings.list_rules, "List every rule with its default severity and exit");
  std::string completions_shell;
  std::vector<std::pair<std::string, std::string>> shells;
  for (const auto& shell : kCompletionShells) shells.emplace_back(shell, shell);
  add_choice_option<std::string>(app, "--completions", completions_shell, shells,
                                 "Print a completion script for this shell and exit");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return report_parse_error(app, error);
  }
  if (!completions_shell.empty()) {
    OptionChoices choices;  // the choice options name their own (option_values.hpp)
    // --select and --ignore: every rule id, and each id's prefix (`schema`, `jwt`).
    std::set<std::string> patterns;
    for (const auto& rule : list_rules()) {
      const std::string id(rule.id);
      patterns.insert(id);
      patterns.insert(id.substr(0, id.find('.')));
    }
    choices["--select"].assign(patterns.begin(), patterns.end());
    choices["--ignore"] = choices["--select"];
    std::fputs(render_completions(app, choices, completions_shell).c_str(), stdout);
    return kExitClean;
  }
  if (app.count("--select") > 0) {
    settings.select = split_rule_patterns(select);
    if (settings.select->empty()) {
      return usage_error("--select names no rule (give ids, prefixes or globs)");
    }
  }
  settings.ignore_rules = split_rule_patterns(settings.ignore_rules);
  if (settings.list_rules) {
    if (settings.format != OutputFormat::Text && settings.format != OutputFormat::Json) {
      return usage_error("--list-rules prints text or json only: use --format text or --format json with it");
    }
    std::fputs(render_rule_list(settings.format == OutputFormat::Json).c_str(), stdout);
    return kExitClean;
  }
  if (settings.unsafe_fixes && !settings.fix && !settings.diff) {
    return usage_error("--unsafe-fixes applies with --fix or --diff; add one of them");
  }
  if (!settings.stdin_filename.empty()) {
    // It names standard input: "-" is implied, and a command that never reads it is a mistake.
    if (settings.paths.empty()) settings.paths.emplace_back("-");
    if (std::find(settings.paths.begin(), settings.paths.end(), "-") == settings.paths.end()) {
      return usage_error("--stdin-filename names standard input, but no PATH is - (add -)");
    }
  }
  if (settings.paths.empty()) {
    return usage_error("no PATH given (use - for standard input; --help for usage)");
  }
  if (settings.stdin_jsonl && std::find(settings.paths.begin(), settings.paths.end(), "-") == settings.paths.end()) {
    // Files are JSON Lines by their extension; --jsonl only says how to read standard input.
    return usage_error("--jsonl reads standard input as JSON Lines, but no PATH is - (add -)");
  }
  return settings;
}

}  // namespace appflow_lint::cli
