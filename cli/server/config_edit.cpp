#include "server/config_edit.hpp"

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config.hpp"
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

// Where an override goes in a configuration's own text, found by a scan that knows
// strings and comments (nlohmann skips comments but reports no offsets): after the last
// entry of the top-level `overrides` array, or, without one, after the top-level
// object's last member. Everything else of the text (comments, layout) stays.
struct InsertionPoints {
  std::size_t root_last = std::string_view::npos;       // just past the root's last value
  std::size_t root_open = std::string_view::npos;       // just past the root's `{`
  std::size_t overrides_last = std::string_view::npos;  // just past the array's last entry
  std::size_t overrides_open = std::string_view::npos;  // just past its `[`
};

std::optional<InsertionPoints> find_insertion_points(std::string_view text) {
  InsertionPoints points;
  std::vector<char> stack;  // open containers
  std::string last_key;     // the root's member being read
  bool in_overrides = false;
  std::size_t i = 0;
  const auto value_ended = [&](std::size_t end) {
    if (stack.size() == 1) points.root_last = end;
    if (stack.size() == 2 && in_overrides) points.overrides_last = end;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      const std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      const std::size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 2;
      continue;
    }
    if (c == '"') {
      std::size_t end = i + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      if (end >= text.size()) return std::nullopt;
      const std::string_view token = text.substr(i, end + 1 - i);
      // A key of the root object: the next non-blank is a colon.
      const std::size_t next = text.find_first_not_of(" \t\r\n", end + 1);
      if (stack.size() == 1 && next != std::string_view::npos && text[next] == ':') {
        const auto key = nlohmann::json::parse(token, nullptr, /*allow_exceptions=*/false);
        last_key = key.is_string() ? key.get<std::string>() : std::string();
      } else {
        value_ended(end + 1);
      }
      i = end + 1;
      continue;
    }
    if (c == '{' || c == '[') {
      if (stack.size() == 1 && c == '[' && last_key == "overrides") {
        in_overrides = true;
        points.overrides_open = i + 1;
      }
      if (stack.empty()) points.root_open = i + 1;
      stack.push_back(c);
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return std::nullopt;
      stack.pop_back();
      if (stack.size() == 1 && in_overrides) {
        in_overrides = false;
        points.root_last = i + 1;
        ++i;
        continue;
      }
      if (stack.empty()) return points;
      value_ended(i + 1);
    } else if (c != ',' && c != ':' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      // A number, true, false or null: to its end.
      std::size_t end = i;
      while (end < text.size() && std::string_view(",:]} \t\r\n/").find(text[end]) == std::string_view::npos) ++end;
      value_ended(end);
      i = end;
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

std::optional<std::string> with_override(std::string_view text, const std::string& entry) {
  const auto points = find_insertion_points(text);
  if (!points || points->root_open == std::string_view::npos) return std::nullopt;
  std::string edited(text);
  if (points->overrides_open != std::string_view::npos) {
    if (points->overrides_last != std::string_view::npos)
      return edited.insert(points->overrides_last, ",\n    " + entry);
    return edited.insert(points->overrides_open, "\n    " + entry + "\n  ");
  }
  const std::string member = "\"overrides\": [\n    " + entry + "\n  ]";
  if (points->root_last != std::string_view::npos) return edited.insert(points->root_last, ",\n  " + member);
  return edited.insert(points->root_open, "\n  " + member + "\n");
}

}  // namespace

fs::path config_to_edit(const fs::path& file, const std::vector<fs::path>& workspace_roots) {
  if (auto nearest = cli::find_config(file.parent_path())) return *nearest;
  for (const auto& root : workspace_roots) {
    if (within(file, root)) return root / cli::kConfigFileName;
  }
  return file.parent_path() / cli::kConfigFileName;
}

std::string disable_rule_for_file(const fs::path& config, const fs::path& file, std::string_view rule) {
  const std::string relative = escape_glob(file.lexically_relative(config.parent_path()).generic_string());
  const std::string entry = fmt::format(R"({{"files": [{}], "rules": {{{}: "off"}}}})", nlohmann::json(relative).dump(),
                                        nlohmann::json(std::string(rule)).dump());
  std::string text;
  std::error_code error;
  if (fs::exists(config, error)) {
    std::ifstream input(config, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
    if (!input && !input.eof()) return fmt::format("{}: cannot read the configuration file", config.string());
    const auto root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (!root.is_object()) return fmt::format("{}: not a JSON object; fix it first", config.string());
    if (root.contains("overrides") && !root["overrides"].is_array())
      return fmt::format("{}: \"overrides\" is not an array", config.string());
    const std::optional<std::string> edited = with_override(text, entry);
    if (!edited) return fmt::format("{}: could not find where to add the override; add it by hand", config.string());
    text = *edited;
  } else {
    text = fmt::format("{{\n  \"overrides\": [\n    {}\n  ]\n}}\n", entry);
  }
  // What is written must read back as a config with the rule off for the file.
  cli::Config check;
  std::string why;
  const fs::path temporary = config.string() + fmt::format(".{}.tmp", ::getpid());
  {
    std::ofstream output(temporary, std::ios::binary | std::ios::trunc);
    output << text;
    if (!output) return fmt::format("{}: cannot write", temporary.string());
  }
  if (!check.load(temporary.string(), why)) {
    fs::remove(temporary, error);
    return fmt::format("{}: the edited configuration would not load ({}); add the override by hand", config.string(),
                       why);
  }
  // Renamed over the old one, so that a reader never sees half a file.
  fs::rename(temporary, config, error);
  if (error) {
    fs::remove(temporary, error);
    return fmt::format("{}: cannot write", config.string());
  }
  return {};
}

}  // namespace appflow_lint::server
