#include "appflow_lint/source_map/string_literals.hpp"

namespace appflow_lint::source_map {
namespace {

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> string_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    const char quote = text[i];
    if (quote != '"' && quote != '\'') {  // single quotes are not JSON, but people write them
      ++i;
      continue;
    }
    const std::size_t begin = ++i;
    while (i < text.size() && text[i] != quote && !is_line_break(text[i])) {
      i += (text[i] == '\\' && i + 1 < text.size() && !is_line_break(text[i + 1])) ? 2 : 1;
    }
    const std::size_t end = i;
    if (i < text.size() && text[i] == quote) ++i;
    if (end > begin) spans.emplace_back(begin, end);
  }
  return spans;
}

}  // namespace appflow_lint::source_map
