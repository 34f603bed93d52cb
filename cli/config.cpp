#include "config.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/rule_info.hpp"
#include "did_you_mean.hpp"

namespace appflow_lint::cli {
namespace fs = std::filesystem;

std::optional<fs::path> find_config(const fs::path& start_folder) {
  std::error_code error;
  const fs::path start = start_folder.empty() ? fs::current_path(error) : fs::absolute(start_folder, error);
  for (fs::path folder = start.lexically_normal(); !error && !folder.empty(); folder = folder.parent_path()) {
    const fs::path candidate = folder / kConfigFileName;
    std::error_code missing;  // a folder without the file is not an error: look further up
    if (fs::is_regular_file(candidate, missing)) return candidate;
    if (folder == folder.root_path()) break;
  }
  return std::nullopt;
}

namespace {

bool parse_severity(const std::string& word, std::optional<Severity>& out) {
  if (word == "off")
    out = std::nullopt;
  else if (word == "info")
    out = Severity::Info;
  else if (word == "warning")
    out = Severity::Warning;
  else if (word == "error")
    out = Severity::Error;
  else
    return false;
  return true;
}

const std::vector<std::string>& severity_names() {
  static const std::vector<std::string> names{"off", "info", "warning", "error"};
  return names;
}

// "unknown rule 'ID' (see --list-rules); did you mean ID2?", for the configuration's
// `rules` and for --rule alike.
std::string unknown_rule(std::string_view id) {
  std::vector<std::string> ids;
  for (const auto& rule : list_rules()) ids.emplace_back(rule.id);
  return fmt::format("unknown rule '{}' (see --list-rules){}", id, did_you_mean(id, ids));
}

bool read_rules(const nlohmann::json& rules, RuleSeverities& out, std::string& error) {
  if (!rules.is_object()) {
    error = "\"rules\" must be an object of rule id -> off|info|warning|error";
    return false;
  }
  for (const auto& [id, value] : rules.items()) {
    if (find_rule(id) == nullptr) {
      error = unknown_rule(id);
      return false;
    }
    std::optional<Severity> severity;
    if (!value.is_string() || !parse_severity(value.get<std::string>(), severity)) {
      const std::string word = value.is_string() ? value.get<std::string>() : std::string();
      error = fmt::format("rule '{}': the severity {}", id, not_one_of(word, severity_names()));
      return false;
    }
    out[id] = severity;
  }
  return true;
}

bool read_globs(const nlohmann::json& value, const char* key, std::vector<std::string>& out, std::string& error) {
  if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& g) { return g.is_string(); })) {
    error = fmt::format("\"{}\" must be an array of glob strings", key);
    return false;
  }
  for (const auto& glob : value) out.push_back(glob.get<std::string>());
  return true;
}

bool read_rule_patterns(const nlohmann::json& value, const char* key, std::vector<std::string>& out,
                        std::string& error) {
  if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& p) { return p.is_string(); })) {
    error = fmt::format("\"{}\" must be an array of rule ids, id prefixes or globs", key);
    return false;
  }
  for (const auto& pattern : value) out.push_back(pattern.get<std::string>());
  return check_rule_patterns(out, fmt::format("\"{}\"", key), error);
}

bool read_operation(const nlohmann::json& value, std::optional<Operation>& out, std::string& error) {
  Operation operation{};
  if (!value.is_string() || !parse_operation(value.get<std::string>(), operation)) {
    error = "\"operation\" must be UpdateConnectorProfile or CreateConnectorProfile";
    return false;
  }
  out = operation;
  return true;
}

// Builds the tree as json::parse does, but keeps the byte offset of the first error
// whatever its kind: nlohmann throws a number too large for a double ("1e999") as
// out_of_range, which carries no position, where a syntax error's parse_error does.
class PositionedTreeParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  explicit PositionedTreeParser(nlohmann::json& root) : json_sax_dom_parser(root, /*allow_exceptions_=*/false) {}

  // `byte` counts the bytes read, up to the one in error (a syntax error) or to the end
  // of the number that overflowed, whose start is the better place to point at.
  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& token, const Exception& error) {
    const bool overflow = std::is_same_v<Exception, nlohmann::json::out_of_range>;
    error_byte = overflow && token.size() <= byte ? byte - token.size() + 1 : byte;
    error_text = error.what();
    return false;
  }

  std::size_t error_byte = 0;  // 1-based: the byte the message is about
  std::string error_text;
};

// "LINE:COLUMN: what", the column in code points, for `path:LINE:COLUMN:` as compilers
// and the text output write positions (nlohmann's own text says "at line 2, column 9"
// in the middle of a sentence, and counts bytes).
std::string error_at(std::string_view text, std::size_t byte, std::string_view what) {
  const std::size_t offset = std::min(text.size(), byte == 0 ? std::size_t{0} : byte - 1);
  const std::string_view before = text.substr(0, offset);
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::string_view on_line = before.substr(line_start);
  const auto column = 1 + std::count_if(on_line.begin(), on_line.end(), [](char c) {
                        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a UTF-8 continuation byte
                      });
  // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
  // keeps what follows the position; "[json.exception.out_of_range.406] number overflow
  // ..." what follows its id.
  if (const auto words = what.find(": "); words != std::string_view::npos)
    what.remove_prefix(words + 2);
  else if (const auto id_end = what.find("] "); id_end != std::string_view::npos)
    what.remove_prefix(id_end + 2);
  return fmt::format("{}:{}: {}", line, column, what);
}

}  // namespace

bool Config::load(const std::string& explicit_path, std::string& error, const fs::path& start_folder) {
  std::optional<fs::path> path =
      explicit_path.empty() ? find_config(start_folder) : std::optional<fs::path>(explicit_path);
  if (!path) return true;
  std::ifstream file(*path, std::ios::binary);
  if (!file || fs::is_directory(*path)) {
    error = fmt::format("{}: cannot read the configuration file", path->string());
    return false;
  }
  const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  const auto fail = [&](const std::string& why) {
    error = fmt::format("{}: {}", path->string(), why);
    return false;
  };
  nlohmann::json root;
  PositionedTreeParser tree(root);
  if (!nlohmann::json::sax_parse(text, &tree, nlohmann::json::input_format_t::json, /*strict=*/true,
                                 /*ignore_comments=*/true)) {
    error = fmt::format("{}:{}", path->string(), error_at(text, tree.error_byte, tree.error_text));
    return false;
  }
  if (!root.is_object()) return fail("the configuration must be a JSON object");
  source_ = *path;
  folder_ = fs::absolute(*path).parent_path();
  std::string why;
  RuleSelection selection;
  for (const auto& [key, value] : root.items()) {
    bool ok = true;
    if (key == "rules")
      ok = read_rules(value, severities_, why);
    else if (key == "ignore")
      ok = read_globs(value, "ignore", ignore_, why);
    else if (key == "files")
      ok = read_globs(value, "files", files_.emplace(), why);
    else if (key == "operation")
      ok = read_operation(value, operation_, why);
    else if (key == "select")
      ok = read_rule_patterns(value, "select", selection.select.emplace(), why);
    else if (key == "ignoreRules")
      ok = read_rule_patterns(value, "ignoreRules", selection.ignore, why);
    else if (key == "suppressions") {
      // Its errors name the entry's line and column when they are known.
      std::optional<Position> at;
      if (!read_suppressions(value, text, suppressions_, why, at)) {
        if (!at) return fail(why);
        error = fmt::format("{}:{}:{}: {}", path->string(), at->line, at->column, why);
        return false;
      }
    } else if (key == "overrides") {
      if (!value.is_array()) return fail("\"overrides\" must be an array");
      for (const auto& entry : value) {
        Override item;
        if (!entry.is_object() || !entry.contains("files")) return fail("each override needs \"files\"");
        for (const auto& [field, setting] : entry.items()) {
          if (field == "files")
            ok = read_globs(setting, "files", item.globs, why);
          else if (field == "rules")
            ok = read_rules(setting, item.severities, why);
          else if (field == "operation")
            ok = read_operation(setting, item.operation, why);
          else
            ok = (why = fmt::format("unknown key \"{}\" in an override", field), false);
          if (!ok) return fail(why);
        }
        overrides_.push_back(std::move(item));
      }
    } else {
      ok = (why = fmt::format("unknown key \"{}\" (expected rules, files, ignore, select, ignoreRules, overrides, "
                              "operation, suppressions)",
                              key),
            false);
    }
    if (!ok) return fail(why);
  }
  if (selection.select || !selection.ignore.empty()) selection_off_ = rules_turned_off(selection);
  return true;
}

void Config::set_command_line_selection(const RuleSelection& selection) {
  command_line_select_ = selection.select.has_value();
  command_line_off_ = rules_turned_off(selection);
}

bool Config::add_command_line_rule(const std::string& assignment, std::string& error) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos) {
    error = fmt::format("--rule {}: must be ID=SEVERITY, the severity one of off, info, warning, error", assignment);
    return false;
  }
  const std::string id = assignment.substr(0, equals);
  if (find_rule(id) == nullptr) {
    error = fmt::format("--rule {}: {}", assignment, unknown_rule(id));
    return false;
  }
  const std::string word = assignment.substr(equals + 1);
  std::optional<Severity> severity;
  if (!parse_severity(word, severity)) {
    error = fmt::format("--rule {}: the severity {}", assignment, not_one_of(word, severity_names()));
    return false;
  }
  command_line_[id] = severity;
  return true;
}

bool glob_matches(const std::string& glob, const std::string& relative_path) {
  return fnmatch(glob.c_str(), relative_path.c_str(), 0) == 0;
}

std::optional<std::string> Config::relative_path(const std::string& path) const {
  if (path == "-" || source_.empty()) return std::nullopt;
  std::error_code error;
  return fs::absolute(path, error).lexically_normal().lexically_relative(folder_).generic_string();
}

bool Config::matches(const std::vector<std::string>& globs, const std::string& path) const {
  if (globs.empty()) return false;  // most configurations ignore nothing: no path to work out
  const std::optional<std::string> relative = relative_path(path);
  return relative && std::any_of(globs.begin(), globs.end(),
                                 [&](const std::string& glob) { return glob_matches(glob, *relative); });
}

bool Config::ignored(const std::string& path) const { return matches(ignore_, path); }

std::optional<bool> Config::selects(const std::string& path) const {
  if (!files_) return std::nullopt;
  return matches(*files_, path);
}

FileSettings Config::settings_for(const std::string& path, std::optional<Operation> command_line_operation) const {
  // Each layer wins over the one before: the file's select/ignoreRules, its rules and
  // overrides, --select/--ignore, --rule.
  FileSettings settings{operation_.value_or(Operation::UpdateConnectorProfile),
                        command_line_select_ ? RuleSeverities{} : selection_off_};
  for (const auto& [id, severity] : severities_) settings.severities[id] = severity;
  for (const auto& item : overrides_) {
    if (!matches(item.globs, path)) continue;
    if (item.operation) settings.operation = *item.operation;
    for (const auto& [id, severity] : item.severities) settings.severities[id] = severity;
  }
  if (command_line_operation) settings.operation = *command_line_operation;
  for (const auto& [id, severity] : command_line_off_) settings.severities[id] = severity;
  for (const auto& [id, severity] : command_line_) settings.severities[id] = severity;
  return settings;
}

}  // namespace appflow_lint::cli
