// appflow-lint: lints AppFlow connector-profile requests (see docs/cli.md and the
// CLI contract). Exit status: 0 clean, 1 errors, 2 usage or unreadable paths.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "appflow_lint/appflow_lint.hpp"
#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/format/json_format.hpp"
#include "appflow_lint/format/line_formats.hpp"
#include "appflow_lint/format/sarif_format.hpp"
#include "appflow_lint/format/text_format.hpp"
#include "command_line.hpp"
#include "config_resolver.hpp"
#include "diagnostic_filter.hpp"
#include "discovery.hpp"
#include "fix_inputs.hpp"
#include "inputs.hpp"
#include "pipeline.hpp"
#include "report_outputs.hpp"
#include "rule_statistics.hpp"
#include "sarif_options.hpp"
#include "server/server.hpp"
#include "usage_errors.hpp"

namespace {

using namespace appflow_lint;
using cli::ColorMode;
using cli::kExitClean;
using cli::kExitErrors;
using cli::kExitUsage;
using cli::OutputFormat;
using cli::Settings;

bool use_color(ColorMode mode) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO) != 0;
}

// One Linter per operation, built on first use and shared by all inputs.
class Linters {
 public:
  const Linter& get(Operation operation) {
    auto& slot = operation == Operation::CreateConnectorProfile ? create_ : update_;
    if (!slot) slot.emplace(LinterOptions{operation, {}});
    return *slot;
  }

 private:
  std::optional<Linter> update_;
  std::optional<Linter> create_;
};

int run(const Settings& settings, cli::ConfigResolver& configs) {
  // Never destroyed: the process ends after the run, and freeing the compiled schemas
  // (thousands of small objects) is about 8% of the instructions of a one-file run.
  static Linters& linters = *new Linters;
  // -o files are opened first: a PATH that cannot be written is a usage error before any work.
  std::vector<cli::FanOutWriter::FileOutput> report_files;
  if (std::string error; !cli::open_report_files(settings.outputs, report_files, error)) {
    fmt::print(stderr, "appflow-lint: {}\n", error);
    return kExitUsage;
  }
  cli::Discovery discovered = cli::discover_inputs(settings, configs);
  if (!discovered.config_errors.empty()) {
    // Linting with a configuration that was not read would report against settings nobody chose.
    for (const auto& error : discovered.config_errors) fmt::print(stderr, "appflow-lint: {}\n", printable(error));
    return kExitUsage;
  }
  // SARIF still writes its log, whose invocation records the problems: a CI job that
  // uploads it shows why nothing was linted.
  if (discovered.nothing_matched && settings.format != OutputFormat::Sarif) {
    for (const auto& problem : discovered.problems) fmt::print(stderr, "appflow-lint: {}\n", printable(problem));
    return kExitUsage;
  }
  cli::DiagnosticFilter filter;
  if (std::string error; !filter.open(settings.baseline_path, settings.write_baseline_path, error)) {
    fmt::print(stderr, "appflow-lint: {}\n", printable(error));
    return kExitUsage;
  }
  std::vector<cli::PlannedInput> inputs;
  for (auto& [input, config] : discovered.inputs) {
    cli::FileSettings file_settings = config->settings_for(input.path, settings.operation);
    inputs.push_back(
        {std::move(input), &linters.get(file_settings.operation), std::move(file_settings.severities), config});
  }
  std::vector<std::string> problems = std::move(discovered.problems);
  cli::PipelineOptions pipeline_options{
      settings.jobs, settings.quiet, stdout, std::nullopt, settings.statistics, filter.hook(inputs), [&filter] {
        return filter.notes();
      }};
  if (settings.fix || settings.diff) {
    const cli::FixOptions fix_options{settings.unsafe_fixes ? fix::FixLevel::SafeAndUnsafe : fix::FixLevel::Safe,
                                      settings.diff};
    cli::FixOutcome fixed = cli::fix_inputs(inputs, fix_options);
    // The fixes rewrote files: the lint reads them again, not what the folder walk read.
    for (auto& planned : inputs) planned.input.prefetched.reset();
    for (auto& problem : fixed.problems) problems.push_back(std::move(problem));
    if (settings.diff) {
      // Like `diff`: 1 when something would change; the report is not printed.
      for (const auto& problem : problems) fmt::print(stderr, "appflow-lint: {}\n", printable(problem));
      std::fflush(stdout);
      if (!problems.empty()) return kExitUsage;
      return fixed.changed_inputs > 0 && !settings.exit_zero ? kExitErrors : kExitClean;
    }
    pipeline_options.fixed = fixed.fixed;
    // Reported once, here: the run does not try them again.
    for (auto index = fixed.unreadable.rbegin(); index != fixed.unreadable.rend(); ++index) {
      inputs.erase(inputs.begin() + static_cast<std::ptrdiff_t>(*index));
    }
    if (fixed.stdin_fixed) {
      // Standard output carries the fixed text; the report goes to standard error, and
      // what remains is linted from that text.
      std::fwrite(fixed.stdin_fixed->data(), 1, fixed.stdin_fixed->size(), stdout);
      std::fflush(stdout);
      pipeline_options.report = stderr;
      if (!cli::replace_stdin(*fixed.stdin_fixed)) problems.emplace_back("standard input: cannot keep the fixed text");
    }
  }
  const format::SarifOptions sarif = cli::sarif_options(inputs);
  // A file is never a terminal: no colour.
  for (auto& output : report_files) output.writer = cli::make_report_writer(output.format, false, sarif);
  cli::FanOutWriter writer(cli::make_report_writer(settings.format, use_color(settings.color), sarif),
                           std::move(report_files));
  for (const auto& problem : problems) writer.problem(printable(problem));
  for (const auto& warning : discovered.warnings) writer.warning(printable(warning));
  cli::PipelineOutcome outcome = cli::run_pipeline(inputs, pipeline_options, writer);
  for (auto& failed : writer.commit()) problems.push_back(std::move(failed));
  if (outcome.summary.statistics && settings.format != OutputFormat::Json) {
    // SARIF on standard output is one JSON log: the table goes to standard error then.
    std::FILE* table = settings.format == OutputFormat::Sarif ? stderr : pipeline_options.report;
    std::fputs(cli::render_statistics(*outcome.summary.statistics).c_str(), table);
    std::fflush(table);
  }

  for (auto& problem : outcome.problems) problems.push_back(std::move(problem));
  for (const auto& problem : problems) fmt::print(stderr, "appflow-lint: {}\n", printable(problem));
  for (const auto& note : filter.notes()) fmt::print(stderr, "{}\n", cli::render_note_line(note));
  if (filter.writes_baseline()) {
    // A baseline of a run that could not read everything would hide faults when it can.
    if (!problems.empty() || outcome.notes) {
      fmt::print(stderr, "appflow-lint: the baseline is not written: not every input was linted\n");
      return kExitUsage;
    }
    std::string error;
    if (!filter.write_baseline(error)) {
      fmt::print(stderr, "appflow-lint: {}\n", printable(error));
      return kExitUsage;
    }
    return kExitClean;
  }

  const format::Summary& summary = outcome.summary;
  if (!problems.empty() || outcome.notes) return kExitUsage;
  if (settings.exit_zero) return kExitClean;  // the findings are reported; they do not fail the run
  if (summary.errors > 0) return kExitErrors;
  if (settings.max_warnings >= 0 && summary.warnings > static_cast<std::size_t>(settings.max_warnings)) {
    fmt::print(stderr, "appflow-lint: {} warnings exceed --max-warnings {}\n", summary.warnings, settings.max_warnings);
    return kExitErrors;
  }
  return kExitClean;
}

}  // namespace

// `appflow-lint server`: only as the first argument, so that `appflow-lint ./server`
// still lints a file of that name.
int run_language_server(int argc, char** argv) {
  CLI::App app{"Runs the language server (LSP 3.17 over standard input and output); see docs/editors.md.",
               "appflow-lint server"};
  // Clients that launch servers over stdio often say so (vscode-languageclient adds it):
  // stdio is the only transport, so the flag is accepted and changes nothing.
  bool stdio = true;
  app.add_flag("--stdio", stdio, "Talk over standard input and output (the default and only transport)");
  try {
    app.parse(argc - 1, argv + 1);
  } catch (const CLI::ParseError& error) {
    return cli::report_parse_error(app, error);
  }
  return appflow_lint::server::run_server();
}

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "server") return run_language_server(argc, argv);
  // Into a file or a pipe, output goes out in 64 KiB writes (the pipeline flushes
  // whenever it would wait for input); a terminal keeps its line buffering.
  static char output_buffer[1 << 16];
  if (isatty(STDOUT_FILENO) == 0) std::setvbuf(stdout, output_buffer, _IOFBF, sizeof output_buffer);
  std::variant<Settings, int> parsed = cli::parse_command_line(argc, argv);
  if (const int* status = std::get_if<int>(&parsed)) return *status;
  const Settings& settings = std::get<Settings>(parsed);
  appflow_lint::cli::ConfigResolver configs(settings.config_path, settings.rules,
                                            {settings.select, settings.ignore_rules});
  if (std::string config_error; !configs.check(config_error)) {
    fmt::print(stderr, "appflow-lint: {}\n", printable(config_error));
    return kExitUsage;
  }
  try {
    return run(settings, configs);
  } catch (const std::exception& error) {
    // A defect, not bad input: bad input is reported as diagnostics.
    fmt::print(stderr, "appflow-lint: internal error: {}\n", error.what());
    return kExitUsage;
  }
}
