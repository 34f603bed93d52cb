#include "rule_statistics.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace appflow_lint::cli {

void RuleStatistics::add(const LintResult& result) {
  for (const auto& diagnostic : result.diagnostics) ++counts_[{diagnostic.rule, diagnostic.severity}];
}

std::vector<format::RuleCount> RuleStatistics::rows() const {
  std::vector<format::RuleCount> rows;
  rows.reserve(counts_.size());
  for (const auto& [key, count] : counts_) rows.push_back({key.first, key.second, count});
  // The map is in rule, then severity order: a stable sort by count keeps it among equals.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  return rows;
}

std::string render_statistics(const std::vector<format::RuleCount>& rows) {
  if (rows.empty()) return "statistics: no diagnostics\n";
  std::size_t count_width = 5;
  std::size_t rule_width = 4;
  for (const auto& row : rows) {
    count_width = std::max(count_width, fmt::formatted_size("{}", row.count));
    rule_width = std::max(rule_width, row.rule.size());
  }
  std::string out;
  auto to = std::back_inserter(out);
  fmt::format_to(to, "statistics:\n{:>{}}  {:<{}}  {}\n", "count", count_width, "rule", rule_width, "severity");
  for (const auto& row : rows) {
    fmt::format_to(to, "{:>{}}  {:<{}}  {}\n", row.count, count_width, row.rule, rule_width, to_string(row.severity));
  }
  return out;
}

}  // namespace appflow_lint::cli
