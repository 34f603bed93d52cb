// What the formatters print: per file, per document, the lint results with ranges
// already in file coordinates. Formatters only print; they compute no positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "appflow_lint/lint.hpp"

namespace appflow_lint::format {

struct DocumentReport {
  std::optional<std::size_t> index;  // set for multi-document inputs (JSON Lines)
  LintResult result;
  // Where the document sits in its file's text (offsets, since the file's text may move).
  std::size_t text_offset = 0;
  std::size_t text_length = 0;
  std::uint32_t line_offset = 0;  // its first line is line_offset + 1 of the file
};

struct FileReport {
  std::string path;
  Operation operation = Operation::UpdateConnectorProfile;
  std::string text;  // the file's text, for quoting source lines
  std::vector<DocumentReport> documents;
};

// --statistics: how many diagnostics one rule reported at one severity.
struct RuleCount {
  std::string rule;
  Severity severity = Severity::Error;
  std::size_t count = 0;
};

// A note about a file of the run's configuration rather than a document: a
// suppression that matched no diagnostic, baseline entries that no longer match.
// Always of severity info.
struct ConfigurationNote {
  std::string rule;            // "config.unused-suppression", "baseline.stale"
  std::string message;         // without the place, the severity or the rule
  std::string path;            // the configuration or baseline file, as shown
  std::optional<Position> at;  // its place in that file, when known
};

struct Summary {
  std::size_t files = 0;
  std::size_t documents = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::optional<std::size_t> fixed;                  // with --fix: the edits applied before the documents were linted
  std::optional<std::vector<RuleCount>> statistics;  // with --statistics: most reported first
  // With suppressions or a baseline in play: the diagnostics they kept out of the report.
  std::optional<std::size_t> suppressed;
  std::vector<ConfigurationNote> configuration_notes;  // in the order they are printed
};

inline Summary summarize(const std::vector<FileReport>& files) {
  Summary summary;
  summary.files = files.size();
  for (const auto& file : files) {
    summary.documents += file.documents.size();
    for (const auto& document : file.documents) {
      summary.errors += document.result.count(Severity::Error);
      summary.warnings += document.result.count(Severity::Warning);
      summary.infos += document.result.count(Severity::Info);
    }
  }
  return summary;
}

}  // namespace appflow_lint::format
