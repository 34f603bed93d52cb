// The run: inputs are read, linted and reported as a stream, in bounded memory.
//
//   reader thread ── batches ──▶ N worker threads (lint_text, fingerprints, severities)
//        │                                   │
//        └──── the batches in input order ◀──┘──▶ this thread: cross-document checks,
//                                                 the writer, standard output
//
// A batch is one JSON document, or up to a few dozen KB of lines of a JSON Lines
// input. At most a few batches per worker are in flight, so memory does not grow
// with the input; and batches are reported in input order whatever the number of
// workers, so the output is the same byte for byte.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/writer.hpp"
#include "appflow_lint/lint.hpp"
#include "inputs.hpp"

namespace appflow_lint::cli {

class Config;

// One input with what applies to it.
struct PlannedInput {
  Input input;
  const Linter* linter = nullptr;  // shared: lint_text() is called from every worker
  RuleSeverities severities;
  const Config* config = nullptr;  // its configuration (for its suppressions), when known
};

// Drops the suppressed diagnostics of one document's result and returns how many.
using SuppressHook = std::function<std::size_t(const PlannedInput&, std::optional<std::size_t> document, LintResult&)>;

struct PipelineOptions {
  unsigned jobs = 1;                 // worker threads
  bool quiet = false;                // keep diagnostics of severity error only
  std::FILE* report = stdout;        // where the writer's output goes (stderr when stdout holds fixed text)
  std::optional<std::size_t> fixed;  // with --fix: the count for the summary
  bool statistics = false;           // --statistics: count per rule into the summary
  // Suppressions and baselines: called on the reporting thread, in input order, once
  // each document's diagnostics are final; the summary then counts what it dropped.
  SuppressHook suppress;
  // After the last document, before the report is finished: notes about the run's
  // configuration files (unused suppressions), for the formats that record them.
  std::function<std::vector<format::ConfigurationNote>()> configuration_notes;
};

struct PipelineOutcome {
  format::Summary summary;
  std::vector<std::string> problems;  // inputs that could not be read (or not whole), in words
  bool notes = false;                 // a rule module failed somewhere (reported on standard error)
};

// Lints `inputs` in order and writes what `writer` prints to standard output as it
// goes (finish() included). Notes of failing rule modules go to standard error when
// their document is reported; the problems are returned, for the caller to print.
PipelineOutcome run_pipeline(const std::vector<PlannedInput>& inputs, const PipelineOptions& options,
                             format::ReportWriter& writer);

}  // namespace appflow_lint::cli
