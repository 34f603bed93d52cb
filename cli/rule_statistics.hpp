// --statistics: how many diagnostics each rule reported, at which severity (a rule's
// severity may differ between files, so each pair is a row), most reported first.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint::cli {

class RuleStatistics {
 public:
  // Counts what is reported for one document (after severities and --quiet).
  void add(const LintResult& result);
  // The rows, most reported first, then by rule id and severity.
  std::vector<format::RuleCount> rows() const;

 private:
  std::map<std::pair<std::string, Severity>, std::size_t> counts_;
};

// The rows as a table for people (text, gcc and github output): a heading, then
// "COUNT  RULE  SEVERITY" per row; "no diagnostics" when there are none.
std::string render_statistics(const std::vector<format::RuleCount>& rows);

}  // namespace appflow_lint::cli
