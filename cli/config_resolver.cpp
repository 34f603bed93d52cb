#include "config_resolver.hpp"

#include <system_error>

namespace appflow_lint::cli {
namespace fs = std::filesystem;

ConfigResolver::ConfigResolver(std::string explicit_path, std::vector<std::string> command_line_rules,
                               RuleSelection command_line_selection)
    : explicit_path_(std::move(explicit_path)),
      command_line_rules_(std::move(command_line_rules)),
      command_line_selection_(std::move(command_line_selection)) {}

bool ConfigResolver::check(std::string& error) {
  Config scratch;  // the assignments are checked once, before any file is looked at
  for (const auto& assignment : command_line_rules_) {
    if (!scratch.add_command_line_rule(assignment, error)) return false;
  }
  if (command_line_selection_.select && !check_rule_patterns(*command_line_selection_.select, "--select", error))
    return false;
  if (!check_rule_patterns(command_line_selection_.ignore, "--ignore", error)) return false;
  if (explicit_path_.empty()) return true;
  const Loaded& loaded = load(explicit_path_);
  error = loaded.error;
  return error.empty();
}

const fs::path& ConfigResolver::nearest(const fs::path& absolute_folder) {
  // Every folder passed on the way up learns the answer too: a tree of N folders costs
  // N lookups, not N times its depth.
  std::vector<fs::path> passed;
  fs::path folder = absolute_folder;
  fs::path found;
  while (true) {
    if (const auto known = nearest_.find(folder); known != nearest_.end()) {
      found = known->second;
      break;
    }
    passed.push_back(folder);
    std::error_code missing;  // a folder without the file is not an error: look further up
    if (fs::is_regular_file(folder / kConfigFileName, missing)) {
      found = folder / kConfigFileName;
      break;
    }
    if (folder == folder.root_path() || folder.empty()) break;
    folder = folder.parent_path();
  }
  for (const auto& each : passed) nearest_[each] = found;
  return nearest_[absolute_folder];
}

namespace {

// A configuration below the current folder is named relative to it, as the inputs are.
fs::path shown(const fs::path& config_file) {
  std::error_code error;
  if (config_file.is_relative()) return config_file;
  const fs::path relative = config_file.lexically_relative(fs::current_path(error));
  return error || relative.empty() || *relative.begin() == ".." ? config_file : relative;
}

}  // namespace

const ConfigResolver::Loaded& ConfigResolver::load(const fs::path& config_file) {
  auto& slot = loaded_[config_file];
  if (slot) return *slot;
  slot = std::make_unique<Loaded>();
  if (!config_file.empty() && !slot->config.load(shown(config_file).string(), slot->error)) slot->config = Config{};
  for (const auto& assignment : command_line_rules_) {
    std::string ignored;  // checked by check()
    slot->config.add_command_line_rule(assignment, ignored);
  }
  slot->config.set_command_line_selection(command_line_selection_);
  return *slot;
}

const ConfigResolver::Loaded& ConfigResolver::for_folder(const fs::path& folder) {
  if (last_ != nullptr && folder.native() == last_folder_) return *last_;
  last_folder_ = folder.native();
  last_ = &look_up(folder);
  return *last_;
}

const ConfigResolver::Loaded& ConfigResolver::look_up(const fs::path& folder) {
  if (!explicit_path_.empty()) return load(explicit_path_);
  std::error_code error;
  const fs::path absolute = fs::absolute(folder.empty() ? fs::path(".") : folder, error).lexically_normal();
  if (error) return load({});
  // lexically_normal keeps a trailing separator ("a/b/" for "a/b/."): drop it.
  const fs::path key = absolute.has_filename() || absolute == absolute.root_path() ? absolute : absolute.parent_path();
  return load(nearest(key));
}

void ConfigResolver::forget() {
  last_ = nullptr;
  nearest_.clear();
  loaded_.clear();
}

}  // namespace appflow_lint::cli
