// "Turn this rule off for this file": an override written into the nearest config.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::server {

// The config a file's override goes into: the nearest `.appflow-lint.json` in its folder
// or a parent; when there is none, a new one in the workspace root holding the file, or
// in the file's own folder.
std::filesystem::path config_to_edit(const std::filesystem::path& file,
                                     const std::vector<std::filesystem::path>& workspace_roots);

// Adds `{"files": [FILE relative to the config's folder], "rules": {RULE: "off"}}` to the
// end of the config's `overrides` (later overrides win), as an insertion into its text:
// comments and layout stay. The result must load as a config before it replaces the
// file (atomically). Returns an error message, or empty on success.
std::string disable_rule_for_file(const std::filesystem::path& config, const std::filesystem::path& file,
                                  std::string_view rule);

}  // namespace appflow_lint::server
