// A baseline: the diagnostics a repository had when it adopted the linter, so that
// CI fails only on new ones. `--write-baseline FILE` writes them; `--baseline FILE`
// leaves out of the report every diagnostic that matches an entry (as many as there
// are identical entries) and says how many entries of the linted files matched
// nothing (fixed since: baseline.stale).
//
//   {"version": 1, "entries": [
//     {"path": "legacy/a.json", "rule": "schema.pattern", "pointer": "/connectorProfileName",
//      "hash": "5f0c1e2d3a4b6978"},
//     {"path": "logs/requests.jsonl", "document": 3, "rule": "schema.required", "pointer": "", "hash": "..."}]}
//
// `path` is relative to the baseline file's folder; `document` is a JSON Lines line
// (0-based); `hash` tells apart faults of one rule at one pointer (two missing members
// of one object) from the diagnostic's message, which never holds a sensitive value.
// No value of the document is written. Entries are sorted, so the file is stable.
#pragma once

#include <compare>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint::cli {

struct BaselineEntry {
  std::string path;
  std::optional<std::size_t> document;
  std::string rule;
  std::string pointer;
  std::string hash;
  friend auto operator<=>(const BaselineEntry&, const BaselineEntry&) = default;
};

// What a baseline's entries are made of: one relative folder and the diagnostics' keys.
class BaselineKeys {
 public:
  explicit BaselineKeys(const std::filesystem::path& baseline_file);

  // `path` as given ("-": standard input) relative to the baseline's folder.
  const std::string& relative(const std::string& path);
  BaselineEntry entry(const std::string& relative_path, std::optional<std::size_t> document,
                      const Diagnostic& diagnostic) const;

 private:
  std::filesystem::path folder_;
  std::string last_path_;  // a JSON Lines file asks once per line
  std::string last_relative_;
};

// --baseline FILE: read once, then consumed document by document (on the reporting
// thread only). Memory holds the entries, never the run's diagnostics.
class Baseline {
 public:
  // False with `error` set ("FILE: what") when the file is missing or not a baseline.
  bool load(const std::filesystem::path& file, std::string& error);

  // Drops the diagnostics of one document that an unused entry matches; how many.
  std::size_t drop(const std::string& path, std::optional<std::size_t> document, LintResult& result);

  // Entries of files linted in this run that matched no diagnostic.
  std::size_t stale() const;
  // "N entries ... matched no diagnostic" at the baseline file, when there are any.
  std::optional<format::ConfigurationNote> stale_note() const;

 private:
  std::filesystem::path file_;
  std::optional<BaselineKeys> keys_;
  std::map<BaselineEntry, std::size_t> remaining_;
  std::set<std::string> paths_;   // of the entries
  std::set<std::string> linted_;  // of those, the ones linted in this run
};

// --write-baseline FILE: keeps the keys of every diagnostic reported and writes them.
class BaselineWriter {
 public:
  explicit BaselineWriter(std::filesystem::path file) : file_(std::move(file)), keys_(file_) {}

  void add(const std::string& path, std::optional<std::size_t> document, const LintResult& result);
  // False with `error` set when the file cannot be written.
  bool write(std::string& error);
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  std::filesystem::path file_;
  BaselineKeys keys_;
  std::vector<BaselineEntry> entries_;
};

}  // namespace appflow_lint::cli
