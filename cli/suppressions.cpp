#include "suppressions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/source_map/line_index.hpp"
#include "appflow_lint/source_map/structure_index.hpp"
#include "config.hpp"

namespace appflow_lint::cli {
namespace {

constexpr std::string_view kUnusedRule = "config.unused-suppression";

bool has_glob_characters(std::string_view text) { return text.find_first_of("*?[") != std::string_view::npos; }

// fnmatch(3) takes any pattern (an unclosed '[' is matched literally), so the mistakes
// it would silently accept are caught here: an empty pattern, an unclosed bracket, a
// path that leaves the configuration's folder.
std::string glob_problem(std::string_view glob) {
  if (glob.empty()) return "is empty";
  for (std::size_t i = 0; i < glob.size(); ++i) {
    if (glob[i] == '\\') {
      ++i;
    } else if (glob[i] == '[') {
      std::size_t close = i + 1;
      if (close < glob.size() && (glob[close] == '!' || glob[close] == '^')) ++close;
      if (close < glob.size() && glob[close] == ']') ++close;  // a leading ']' is a member
      close = glob.find(']', close);
      if (close == std::string_view::npos) return "has a '[' without its ']'";
      i = close;
    }
  }
  return {};
}

bool any_rule_matches(const std::string& glob) {
  const auto rules = list_rules();
  return std::any_of(rules.begin(), rules.end(),
                     [&](const RuleInfo& rule) { return glob_matches(glob, std::string(rule.id)); });
}

bool read_entry(const nlohmann::json& entry, Suppression& out, std::string& why) {
  if (!entry.is_object()) return (why = "a suppression must be an object with rule and reason", false);
  for (const auto& [key, value] : entry.items()) {
    if (key != "path" && key != "rule" && key != "pointer" && key != "reason") {
      return (why = fmt::format("unknown key \"{}\" in a suppression (expected path, rule, pointer, reason)",
                                printable(key)),
              false);
    }
    if (!value.is_string()) return (why = fmt::format("suppression \"{}\" must be a string", key), false);
  }
  if (!entry.contains("rule")) return (why = "a suppression needs \"rule\" (an id or a glob such as schema.*)", false);
  if (!entry.contains("reason") || entry["reason"].get<std::string>().find_first_not_of(" \t") == std::string::npos)
    return (why = "a suppression needs a \"reason\" that says why it is there", false);
  out.reason = entry["reason"].get<std::string>();
  out.rule = entry["rule"].get<std::string>();
  if (const std::string problem = glob_problem(out.rule); !problem.empty())
    return (why = fmt::format("suppression rule '{}' {}", printable(out.rule), problem), false);
  if (!has_glob_characters(out.rule) ? find_rule(out.rule) == nullptr : !any_rule_matches(out.rule))
    return (why = fmt::format("suppression rule '{}' names no rule (see --list-rules)", printable(out.rule)), false);
  if (entry.contains("path")) {
    out.path = entry["path"].get<std::string>();
    std::string problem = glob_problem(out.path);
    if (problem.empty() && (out.path.front() == '/' || out.path == ".." || out.path.starts_with("../")))
      problem = "is not relative to the configuration's folder";
    if (!problem.empty()) return (why = fmt::format("suppression path '{}' {}", printable(out.path), problem), false);
  }
  if (entry.contains("pointer")) {
    std::string pointer = entry["pointer"].get<std::string>();
    if (!pointer.empty() && pointer.front() != '/')
      return (why = fmt::format("suppression pointer '{}' is not a JSON Pointer (\"\" or /a/b)", printable(pointer)),
              false);
    out.any_pointer = false;
    if (pointer.ends_with("/*")) {
      out.pointer_prefix = true;
      pointer.resize(pointer.size() - 2);
    }
    out.pointer = std::move(pointer);
  }
  return true;
}

}  // namespace

bool Suppression::matches(const Diagnostic& diagnostic) const {
  if (!glob_matches(rule, diagnostic.rule)) return false;
  if (any_pointer || diagnostic.pointer == pointer) return true;
  // "/a/*": "/a" and everything below it.
  return pointer_prefix && diagnostic.pointer.size() > pointer.size() && diagnostic.pointer.starts_with(pointer) &&
         diagnostic.pointer[pointer.size()] == '/';
}

bool read_suppressions(const nlohmann::json& value, std::string_view config_text, std::vector<Suppression>& out,
                       std::string& error, std::optional<Position>& error_at) {
  if (!value.is_array()) {
    error = "\"suppressions\" must be an array of {path, rule, pointer, reason} objects";
    return false;
  }
  // Comments stop the index early; entries past them are named without a place.
  const auto places = source_map::StructureIndex::build(config_text);
  const source_map::LineIndex lines(config_text);
  for (std::size_t i = 0; i < value.size(); ++i) {
    Suppression entry;
    if (const auto* span = places.find(fmt::format("/suppressions/{}", i)))
      entry.at = lines.position(span->value_begin);
    if (!read_entry(value[i], entry, error)) {
      error_at = entry.at;
      if (!entry.at) error = fmt::format("suppression {}: {}", i + 1, error);
      return false;
    }
    out.push_back(std::move(entry));
  }
  return true;
}

std::size_t SuppressionTracker::drop(const Config& config, const std::string& path, LintResult& result) {
  const auto& entries = config.suppressions();
  if (entries.empty()) return 0;
  const auto [slot, first] = uses_.try_emplace(&config);
  Use& use = slot->second;
  if (first) {
    order_.push_back(&config);
    use.judged.assign(entries.size(), false);
    use.used.assign(entries.size(), false);
  }
  if (&config != last_config_ || path != last_path_) {  // a JSON Lines file asks once per line
    last_config_ = &config;
    last_path_ = path;
    naming_.clear();
    const std::optional<std::string> relative = config.relative_path(path);
    for (std::size_t i = 0; relative && i < entries.size(); ++i) {
      if (glob_matches(entries[i].path, *relative)) naming_.push_back(i);
    }
  }
  for (const std::size_t i : naming_) use.judged[i] = true;
  const std::size_t before = result.diagnostics.size();
  std::erase_if(result.diagnostics, [&](const Diagnostic& diagnostic) {
    for (const std::size_t i : naming_) {
      if (entries[i].matches(diagnostic)) {
        use.used[i] = true;
        return true;
      }
    }
    return false;
  });
  return before - result.diagnostics.size();
}

std::vector<format::ConfigurationNote> SuppressionTracker::unused() const {
  std::vector<format::ConfigurationNote> notes;
  for (const Config* config : order_) {
    const auto& use = uses_.at(config);
    const auto& entries = config->suppressions();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!use.judged[i] || use.used[i]) continue;
      const Suppression& entry = entries[i];
      const std::string pointer = entry.any_pointer
                                      ? std::string("any pointer")
                                      : fmt::format("pointer '{}{}'", entry.pointer, entry.pointer_prefix ? "/*" : "");
      notes.push_back({std::string(kUnusedRule),
                       fmt::format("suppression of '{}' at {} in '{}' matched no diagnostic: remove it, or fix its "
                                   "path, rule or pointer",
                                   entry.rule, pointer, entry.path),
                       config->source().string(), entry.at});
    }
  }
  return notes;
}

}  // namespace appflow_lint::cli
