// What keeps diagnostics out of a run's report: the configurations' suppressions,
// --baseline, and --write-baseline, which records what is reported. One pipeline hook
// for all of them, and what they have to say once the run is over.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "pipeline.hpp"
#include "suppressions.hpp"

namespace appflow_lint::cli {

class DiagnosticFilter {
 public:
  // Reads --baseline FILE (when not empty) and prepares --write-baseline FILE (when not
  // empty); false with `error` set when the baseline cannot be read.
  bool open(const std::string& baseline_file, const std::string& write_baseline_file, std::string& error);

  // The hook for the pipeline, or an empty one when nothing in this run can suppress
  // (no suppression in the inputs' configurations, no baseline to read or write).
  SuppressHook hook(const std::vector<PlannedInput>& inputs);

  // After the last document: unused suppressions and stale baseline entries.
  std::vector<format::ConfigurationNote> notes() const;

  bool writes_baseline() const noexcept { return writer_.has_value(); }
  // Writes --write-baseline's file; false with `error` set.
  bool write_baseline(std::string& error) { return writer_->write(error); }

 private:
  std::size_t drop(const PlannedInput& planned, std::optional<std::size_t> document, LintResult& result);

  SuppressionTracker suppressions_;
  std::optional<Baseline> baseline_;
  std::optional<BaselineWriter> writer_;
};

// "FILE:LINE:COLUMN: info: MESSAGE [RULE]", as compilers print a note, made printable.
std::string render_note_line(const format::ConfigurationNote& note);

}  // namespace appflow_lint::cli
