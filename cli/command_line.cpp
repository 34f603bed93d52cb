#include "command_line.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "appflow_lint/appflow_lint.hpp"
#include "list_rules.hpp"

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
  std::string operation = "UpdateConnectorProfile";
  app.add_option("--operation", operation, "The request shape")
      ->check(CLI::IsMember({"UpdateConnectorProfile", "CreateConnectorProfile"}))
      ->capture_default_str();
  const std::map<std::string, OutputFormat> formats{{"text", OutputFormat::Text},
                                                    {"json", OutputFormat::Json},
                                                    {"sarif", OutputFormat::Sarif},
                                                    {"gcc", OutputFormat::Gcc},
                                                    {"github", OutputFormat::Github}};
  app.add_option("--format", settings.format, "Output format: text, json, sarif, gcc or github")
      ->transform(CLI::CheckedTransformer(formats))
      ->default_str("text");
  const std::map<std::string, ColorMode> colors{
      {"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}};
  app.add_option("--color", settings.color, "Colour text output: auto (a terminal without NO_COLOR), always, never")
      ->transform(CLI::CheckedTransformer(colors))
      ->default_str("auto");
  app.add_flag("--jsonl", settings.stdin_jsonl, "Read standard input as JSON Lines (one request per line)");
  app.add_option("--stdin-filename", settings.stdin_filename,
                 "Lint standard input as if it were this file: its configuration (the nearest "
                 ".appflow-lint.json, ignore, overrides) and its name in the output; implies PATH -")
      ->check([](const std::string& name) { return name.empty() ? "the file name is empty" : std::string(); });
  app.add_flag("--fix", settings.fix,
               "Apply the safe fixes in place (standard input: print the fixed text), then report what remains");
  app.add_flag("--unsafe-fixes", settings.unsafe_fixes,
               "With --fix or --diff: apply the unsafe fixes too (they change values, not only spelling)");
  app.add_flag("--diff", settings.diff,
               "Print a unified diff of what --fix would change and write nothing; exit 1 when there is a change");
  app.add_flag("-q,--quiet", settings.quiet, "Report errors only");
  app.add_option("--max-warnings", settings.max_warnings, "Exit with status 1 when there are more warnings than this")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--rule", settings.rules, "Set a rule's severity: ID=off|info|warning|error (repeatable)")
      ->allow_extra_args(false);  // one ID=SEVERITY per --rule: never swallow the PATHs
  app.add_option("--config", settings.config_path,
                 "Configuration file (default: the nearest .appflow-lint.json in this folder or a parent)");
  settings.jobs = default_jobs();
  app.add_option("-j,--jobs", settings.jobs,
                 "Lint with this many threads (default: the number of cores); the output does not depend on it")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  app.add_flag("--no-ignore", settings.no_ignore,
               "In folders, also lint hidden entries, node_modules and what .gitignore and .ignore files exclude");
  app.add_flag("--no-error-on-unmatched", settings.no_error_on_unmatched,
               "A PATH that does not exist or holds no file to lint is a warning, not exit status 2");
  app.add_flag("--verbose", settings.verbose, "Say on standard error what folder walks skipped, and why");
  const auto not_empty = [](const std::string& name) {
    return name.empty() ? "the file name is empty" : std::string();
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }
  if (app.count("--operation") > 0) {
    Operation chosen{};
    parse_operation(operation, chosen);
    settings.operation = chosen;
  }
  if (settings.list_rules) {
    std::fputs(render_rule_list(settings.format == OutputFormat::Json).c_str(), stdout);
    return kExitClean;
  }
  if (settings.unsafe_fixes && !settings.fix && !settings.diff) {
    fmt::print(stderr, "appflow-lint: --unsafe-fixes applies with --fix or --diff; add one of them\n");
    return kExitUsage;
  }
  if (!settings.stdin_filename.empty()) {
    // It names standard input: "-" is implied, and a command that never reads it is a mistake.
    if (settings.paths.empty()) settings.paths.emplace_back("-");
    if (std::find(settings.paths.begin(), settings.paths.end(), "-") == settings.paths.end()) {
      fmt::print(stderr, "appflow-lint: --stdin-filename names standard input, but no PATH is - (add -)\n");
      return kExitUsage;
    }
  }
  if (settings.paths.empty()) {
    fmt::print(stderr, "appflow-lint: no PATH given (use - for standard input; --help for usage)\n");
    return kExitUsage;
  }
  return settings;
}

}  // namespace appflow_lint::cli
