#include "rule_selection.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "appflow_lint/rule_info.hpp"
#include "did_you_mean.hpp"

namespace appflow_lint::cli {
namespace {

bool is_glob(std::string_view pattern) { return pattern.find_first_of("*?[") != std::string_view::npos; }

bool matches(std::string_view pattern, std::string_view id) {
  if (is_glob(pattern)) return fnmatch(std::string(pattern).c_str(), std::string(id).c_str(), 0) == 0;
  // A prefix stops at a dot: `schema` names `schema.type`, not `schemata.x`.
  return id == pattern || (id.size() > pattern.size() && id.starts_with(pattern) && id[pattern.size()] == '.');
}

bool matches_any(const std::vector<std::string>& patterns, std::string_view id) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return matches(p, id); });
}

// Every rule id and each of its dotted prefixes: what a pattern may be close to.
std::vector<std::string> pattern_candidates() {
  std::set<std::string_view> names;
  for (const RuleInfo& rule : list_rules()) {
    for (std::size_t dot = rule.id.find('.'); dot != std::string_view::npos; dot = rule.id.find('.', dot + 1)) {
      names.insert(rule.id.substr(0, dot));
    }
    names.insert(rule.id);
  }
  return {names.begin(), names.end()};
}

}  // namespace

std::vector<std::string> split_rule_patterns(const std::vector<std::string>& values) {
  std::vector<std::string> patterns;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      std::string pattern = value.substr(start, comma - start);
      if (!pattern.empty()) patterns.push_back(std::move(pattern));
      start = comma + 1;
    }
  }
  return patterns;
}

bool check_rule_patterns(const std::vector<std::string>& patterns, const std::string& what, std::string& error) {
  const auto rules = list_rules();
  for (const std::string& pattern : patterns) {
    const bool any =
        std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& rule) { return matches(pattern, rule.id); });
    if (any) continue;
    error = fmt::format("{} '{}' matches no rule", what, pattern);
    if (auto closest = closest_match(pattern, pattern_candidates())) {
      error += fmt::format("; did you mean '{}'?", *closest);
    } else {
      error += " (see --list-rules)";
    }
    return false;
  }
  return true;
}

RuleSeverities rules_turned_off(const RuleSelection& selection) {
  RuleSeverities off;
  for (const RuleInfo& rule : list_rules()) {
    const bool selected = !selection.select || matches_any(*selection.select, rule.id);
    if (!selected || matches_any(selection.ignore, rule.id)) off.emplace(std::string(rule.id), std::nullopt);
  }
  return off;
}

}  // namespace appflow_lint::cli
