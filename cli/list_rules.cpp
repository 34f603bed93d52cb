#include "list_rules.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint::cli {

std::string render_rule_list(bool as_json) {
  if (as_json) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& rule : list_rules()) {
      rules.push_back({{"id", rule.id}, {"severity", to_string(rule.severity)}, {"summary", rule.summary}});
    }
    return nlohmann::ordered_json{{"rules", rules}}.dump(2) + "\n";
  }
  std::string out;
  for (const auto& rule : list_rules()) {
    out += fmt::format("{:<34} {:<8} {}\n", rule.id, to_string(rule.severity), rule.summary);
  }
  return out;
}

}  // namespace appflow_lint::cli
