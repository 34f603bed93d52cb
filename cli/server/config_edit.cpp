#include "server/config_edit.hpp"

#include <unistd.h>

#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "server/workspace.hpp"

namespace appflow_lint::server {
namespace fs = std::filesystem;

namespace {

// The config's globs are fnmatch(3) patterns: a file name with *, ? or [ in it must
// match only itself.
std::string escape_glob(std::string_view path) {
  std::string escaped;
  for (const char c : path) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') escaped.push_back('\\');
    escaped.push_back(c);
  }
  return escaped;
}

bool within(const fs::path& file, const fs::path& folder) {
  const fs::path relative = file.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

fs::path config_to_edit(const fs::path& file, const std::vector<fs::path>& workspace_roots) {
  std::error_code error;
  for (fs::path folder = file.parent_path(); !folder.empty(); folder = folder.parent_path()) {
    if (fs::is_regular_file(folder / kConfigName, error)) return folder / kConfigName;
    if (folder == folder.root_path()) break;
  }
  for (const auto& root : workspace_roots) {
    if (within(file, root)) return root / kConfigName;
  }
  return file.parent_path() / kConfigName;
}

std::string disable_rule_for_file(const fs::path& config, const fs::path& file, std::string_view rule) {
  nlohmann::json root = nlohmann::json::object();
  std::error_code error;
  if (fs::exists(config, error)) {
    std::ifstream input(config, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
    if (!input) return fmt::format("{}: cannot read the configuration file", config.string());
    root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
      const bool with_comments =
          !nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true).is_discarded();
      return with_comments ? fmt::format("{}: has comments, which rewriting it would drop; add the override by hand",
                                         config.string())
                           : fmt::format("{}: not valid JSON; fix it first", config.string());
    }
    if (!root.is_object()) return fmt::format("{}: not a JSON object", config.string());
  }
  const std::string relative = escape_glob(file.lexically_relative(config.parent_path()).generic_string());
  auto& overrides = root["overrides"];
  if (overrides.is_null()) overrides = nlohmann::json::array();
  if (!overrides.is_array()) return fmt::format("{}: \"overrides\" is not an array", config.string());
  nlohmann::json* target = nullptr;
  for (auto& entry : overrides) {
    if (entry.is_object() && entry.value("files", nlohmann::json()) == nlohmann::json::array({relative})) {
      target = &entry;
      break;
    }
  }
  if (target == nullptr) target = &overrides.emplace_back(nlohmann::json{{"files", nlohmann::json::array({relative})}});
  auto& rules = (*target)["rules"];
  if (!rules.is_object()) rules = nlohmann::json::object();
  rules[std::string(rule)] = "off";

  // Written beside it and renamed, so that a reader never sees half a file.
  const fs::path temporary = config.string() + fmt::format(".{}.tmp", ::getpid());
  {
    std::ofstream output(temporary, std::ios::binary | std::ios::trunc);
    output << root.dump(2) << '\n';
    if (!output) return fmt::format("{}: cannot write", temporary.string());
  }
  fs::rename(temporary, config, error);
  if (error) {
    fs::remove(temporary, error);
    return fmt::format("{}: cannot write", config.string());
  }
  return {};
}

}  // namespace appflow_lint::server
