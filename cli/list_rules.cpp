#include "list_rules.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint::cli {

std::string render_rule_list(bool as_json) {
  if (as_json) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& rule : list_rules()) {
      rules.push_back({{"id", rule.id},
                       {"severity", to_string(rule.severity)},
                       {"category", to_string(rule.category)},
                       {"fix", to_string(rule.fix)},
                       {"since", rule.since},
                       {"summary", rule.summary}});
    }
    return nlohmann::ordered_json{{"rules", rules}}.dump(2) + "\n";
  }
  std::string out;
  for (const auto& rule : list_rules()) {
    // id, default severity, category, fix availability, the release it appeared in, summary
    out += fmt::format("{:<34} {:<8} {:<11} {:<9} {:<6} {}\n", rule.id, to_string(rule.severity),
                       to_string(rule.category), to_string(rule.fix), rule.since, rule.summary);
  }
  return out;
}

}  // namespace appflow_lint::cli
