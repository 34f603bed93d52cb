// Which open documents the server lints, and with which settings: the nearest
// `.appflow-lint.json` of each file, read once and kept until a config file changes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/lint_types.hpp"
#include "config.hpp"
#include "config_resolver.hpp"

namespace appflow_lint::server {

// The local path of a `file:` URI (percent-decoded); std::nullopt for other schemes.
std::optional<std::filesystem::path> path_from_uri(std::string_view uri);

struct DocumentSettings {
  bool lint = false;  // false: not a document this server checks
  cli::FileSettings file{Operation::UpdateConnectorProfile, {}};
  std::string config_error;  // the config could not be read (then the defaults apply)
};

class Workspace {
 public:
  void add_root(std::filesystem::path folder) { roots_.push_back(std::move(folder)); }
  const std::vector<std::filesystem::path>& roots() const noexcept { return roots_; }

  DocumentSettings settings_for(std::string_view uri, std::string_view language, std::string_view text);
  // Drops every config read so far (one changed on disk).
  void forget_configs() { configs_.forget(); }

 private:
  std::vector<std::filesystem::path> roots_;
  cli::ConfigResolver configs_;  // the CLI's own lookup: a broken config falls back to the defaults
};

}  // namespace appflow_lint::server
