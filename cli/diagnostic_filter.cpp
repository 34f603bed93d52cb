#include "diagnostic_filter.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"

#include "config.hpp"

namespace appflow_lint::cli {

bool DiagnosticFilter::open(const std::string& baseline_file, const std::string& write_baseline_file,
                            std::string& error) {
  if (!baseline_file.empty() && !baseline_.emplace().load(baseline_file, error)) return false;
  if (!write_baseline_file.empty()) writer_.emplace(write_baseline_file);
  return true;
}

SuppressHook DiagnosticFilter::hook(const std::vector<PlannedInput>& inputs) {
  const bool configured = std::any_of(inputs.begin(), inputs.end(), [](const PlannedInput& planned) {
    return planned.config != nullptr && !planned.config->suppressions().empty();
  });
  if (!configured && !baseline_ && !writer_) return {};
  return [this](const PlannedInput& planned, std::optional<std::size_t> document, LintResult& result) {
    return drop(planned, document, result);
  };
}

std::size_t DiagnosticFilter::drop(const PlannedInput& planned, std::optional<std::size_t> document,
                                   LintResult& result) {
  const std::string& path = planned.input.path;
  std::size_t dropped = planned.config != nullptr ? suppressions_.drop(*planned.config, path, result) : 0;
  if (baseline_) dropped += baseline_->drop(path, document, result);
  // What is left is what is reported, and what a new baseline holds.
  if (writer_) writer_->add(path, document, result);
  return dropped;
}

std::vector<format::ConfigurationNote> DiagnosticFilter::notes() const {
  std::vector<format::ConfigurationNote> notes = suppressions_.unused();
  if (baseline_) {
    if (auto stale = baseline_->stale_note()) notes.push_back(std::move(*stale));
  }
  return notes;
}

std::string render_note_line(const format::ConfigurationNote& note) {
  const std::string where = note.at ? fmt::format("{}:{}:{}", note.path, note.at->line, note.at->column) : note.path;
  return printable(fmt::format("{}: info: {} [{}]", where, note.message, note.rule));
}

}  // namespace appflow_lint::cli
