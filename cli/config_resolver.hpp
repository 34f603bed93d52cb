// Which configuration applies to each file: the nearest `.appflow-lint.json` in the
// file's folder or a parent, up to the filesystem root (as ruff's and ESLint's lookup
// from the file; a `.git` does not stop it, so a monorepo's top config reaches its
// projects), or `--config` for every file. Each folder's answer and each file's
// contents are read once. The CLI and the language server both ask it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config.hpp"

namespace appflow_lint::cli {

class ConfigResolver {
 public:
  struct Loaded {
    Config config;      // the defaults (and --rule) when `error` is set
    std::string error;  // the file could not be read or is not a valid configuration
  };

  // `explicit_path`: --config (empty: look up the nearest file per folder);
  // `command_line_rules`: --rule ID=SEVERITY, applied over every configuration;
  // `command_line_selection`: --select / --ignore, likewise (under --rule).
  explicit ConfigResolver(std::string explicit_path = {}, std::vector<std::string> command_line_rules = {},
                          RuleSelection command_line_selection = {});

  // Checks the --rule assignments and reads --config; false with `error` set.
  bool check(std::string& error);

  // The configuration for a file in `folder` (relative to the current folder, or absolute).
  const Loaded& for_folder(const std::filesystem::path& folder);
  // For a file (its path as given or walked).
  const Loaded& for_file(const std::filesystem::path& path) { return for_folder(path.parent_path()); }

  // Drops what was read (a configuration changed on disk).
  void forget();

 private:
  const Loaded& look_up(const std::filesystem::path& folder);    // for_folder without the memo
  const Loaded& load(const std::filesystem::path& config_file);  // empty: none found
  const std::filesystem::path& nearest(const std::filesystem::path& absolute_folder);

  std::string explicit_path_;
  std::vector<std::string> command_line_rules_;
  RuleSelection command_line_selection_;
  std::map<std::filesystem::path, std::filesystem::path> nearest_;   // folder -> its config file
  std::map<std::filesystem::path, std::unique_ptr<Loaded>> loaded_;  // config file -> contents
  // The last folder asked about, as given, and its answer: a folder's files are asked
  // about one after another, and a string comparison costs far less than normalising
  // the path and two lookups in maps keyed by paths.
  std::filesystem::path::string_type last_folder_;
  const Loaded* last_ = nullptr;
};

}  // namespace appflow_lint::cli
