#include "lint_inputs.hpp"

#include <string_view>

namespace appflow_lint::cli {
namespace {

void shift(Range& range, std::uint32_t lines) {
  range.start.line += lines;
  range.end.line += lines;
}

}  // namespace

void move_to_file_lines(LintResult& result, std::uint32_t lines) {
  for (auto& diagnostic : result.diagnostics) {
    if (diagnostic.range) shift(*diagnostic.range, lines);
    for (auto& suggestion : diagnostic.suggestions) {
      if (suggestion.replacement) shift(suggestion.replacement->range, lines);
    }
  }
  for (auto& redaction : result.redactions) shift(redaction, lines);
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

format::FileReport lint_input(const Linter& linter, const Input& input, std::string content) {
  format::FileReport report;
  report.path = input.path;
  report.operation = linter.operation();
  report.text = std::move(content);
  const std::string_view text = report.text;
  if (input.kind == InputKind::Json) {
    report.documents.push_back({std::nullopt, linter.lint_text(text), 0, text.size(), 0});
    return report;
  }
  std::size_t line_number = 0;
  for (std::size_t begin = 0; begin < text.size(); ++line_number) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_blank(line)) {
      LintResult result = linter.lint_text(line);
      move_to_file_lines(result, static_cast<std::uint32_t>(line_number));
      report.documents.push_back(
          {line_number, std::move(result), begin, line.size(), static_cast<std::uint32_t>(line_number)});
    }
    begin = end + 1;
  }
  return report;
}

}  // namespace appflow_lint::cli
