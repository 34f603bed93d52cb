#include "case_runner.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

#include "appflow_lint/run_checks.hpp"

namespace appflow_lint::testing {
namespace {

namespace fs = std::filesystem;

const Linter& linter_for(Operation operation) {
  static const Linter update(LinterOptions{Operation::UpdateConnectorProfile, {}});
  static const Linter create(LinterOptions{Operation::CreateConnectorProfile, {}});
  return operation == Operation::CreateConnectorProfile ? create : update;
}

// JSON Lines: each line linted alone (ranges moved to file lines), then the
// cross-document checks over all lines, as the CLI does.
LintResult lint_lines(const Linter& linter, const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<LintResult> results(lines.size());
  std::vector<DocumentInRun> documents;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(" \t\r") == std::string::npos) continue;
    results[i] = linter.lint_text(lines[i]);
    for (auto& d : results[i].diagnostics) {
      if (d.range) {
        d.range->start.line += static_cast<std::uint32_t>(i);
        d.range->end.line += static_cast<std::uint32_t>(i);
      }
    }
    documents.push_back({"line " + std::to_string(i + 1), lines[i], static_cast<std::uint32_t>(i), &results[i]});
  }
  check_across_documents(documents);
  LintResult all;
  for (auto& result : results) {
    for (auto& d : result.diagnostics) all.diagnostics.push_back(std::move(d));
  }
  return all;
}

}  // namespace

std::vector<fs::path> discover_cases(const fs::path& root) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".case") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

LintResult lint_case(const CaseFile& parsed) {
  const Linter& linter = linter_for(parsed.operation);
  return parsed.jsonl ? lint_lines(linter, parsed.document) : linter.lint_text(parsed.document);
}

}  // namespace appflow_lint::testing
