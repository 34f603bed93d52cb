// Configuration: `.appflow-lint.json` (found in the current folder or its parents),
// `--config FILE`, and `--rule ID=SEVERITY`, which wins over both.
//
//   {
//     "operation": "UpdateConnectorProfile",
//     "rules": {"url.unexpected-host": "off", "value.placeholder": "warning"},
//     "files": ["profiles/*.json"],
//     "ignore": ["fixtures/*"],
//     "select": ["schema", "salesforce.*"], "ignoreRules": ["schema.enum"],
//     "overrides": [{"files": ["create/*.json"], "operation": "CreateConnectorProfile",
//                    "rules": {"salesforce.sandbox-mismatch": "error"}}]
//   }
//
// "ignore" names paths; the rules to leave out are "ignoreRules" (see rule_selection.hpp).
// Globs are fnmatch(3) patterns matched against the path relative to the config
// file's folder; `*` also matches `/`. `suppressions` is described in suppressions.hpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/lint.hpp"
#include "rule_selection.hpp"
#include "suppressions.hpp"

namespace appflow_lint::cli {

inline constexpr std::string_view kConfigFileName = ".appflow-lint.json";

// The nearest `.appflow-lint.json` in `start_folder` (the current folder when empty) or
// a parent; std::nullopt when there is none.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start_folder);

// Whether the fnmatch(3) glob (`*` also matches `/`) matches `relative_path`: the one
// glob matching of the configuration (files, ignore, overrides, suppressions).
bool glob_matches(const std::string& glob, const std::string& relative_path);

struct FileSettings {
  Operation operation;
  RuleSeverities severities;
};

class Config {
 public:
  // Loads `explicit_path` or, when empty, the nearest `.appflow-lint.json` from
  // `start_folder` (the current folder when empty) up (none found: an empty config).
  // Returns false with `error` set on an unreadable file, bad JSON, an unknown key,
  // rule id, severity or operation.
  bool load(const std::string& explicit_path, std::string& error, const std::filesystem::path& start_folder = {});

  // `ID=off|info|warning|error`, applied after the file's settings.
  bool add_command_line_rule(const std::string& assignment, std::string& error);
  // --select / --ignore (patterns already checked): over the file's rules, under --rule;
  // a --select replaces the file's "select" and "ignoreRules".
  void set_command_line_selection(const RuleSelection& selection);

  // The settings for one input (`path` as given; "-" for standard input).
  // `default_operation` comes from the command line when it was given there.
  FileSettings settings_for(const std::string& path, std::optional<Operation> command_line_operation) const;
  bool ignored(const std::string& path) const;
  // Whether the `files` globs select `path`; std::nullopt when the config has none (the
  // language server then goes by the document's content).
  std::optional<bool> selects(const std::string& path) const;

  const std::filesystem::path& source() const noexcept { return source_; }
  const std::vector<Suppression>& suppressions() const noexcept { return suppressions_; }
  // `path` (as given) relative to the configuration's folder, as its globs see it;
  // std::nullopt for standard input ("-") or when no file was loaded.
  std::optional<std::string> relative_path(const std::string& path) const;

 private:
  struct Override {
    std::vector<std::string> globs;
    std::optional<Operation> operation;
    RuleSeverities severities;
  };
  bool matches(const std::vector<std::string>& globs, const std::string& path) const;

  std::filesystem::path source_;  // empty when no file was loaded
  std::filesystem::path folder_;  // globs are relative to it
  std::optional<Operation> operation_;
  RuleSeverities severities_;
  std::vector<std::string> ignore_;
  std::optional<std::vector<std::string>> files_;
  std::vector<Override> overrides_;
  std::vector<Suppression> suppressions_;
  RuleSeverities command_line_;
  RuleSeverities selection_off_;     // what the file's "select" / "ignoreRules" turn off
  RuleSeverities command_line_off_;  // what --select / --ignore turn off
  bool command_line_select_ = false;
};

}  // namespace appflow_lint::cli
