#include "appflow_lint/source_map/string_literals.hpp"

namespace appflow_lint::source_map {
namespace {

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// A string is a key when the next non-blank character after it is ':'.
bool followed_by_colon(std::string_view text, std::size_t position) {
  while (position < text.size() && (text[position] == ' ' || text[position] == '\t')) ++position;
  return position < text.size() && text[position] == ':';
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> value_string_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '"') {
      ++i;
      continue;
    }
    const std::size_t begin = ++i;
    while (i < text.size() && text[i] != '"' && !is_line_break(text[i])) {
      i += (text[i] == '\\' && i + 1 < text.size() && !is_line_break(text[i + 1])) ? 2 : 1;
    }
    const std::size_t end = i;
    const bool terminated = i < text.size() && text[i] == '"';
    if (terminated) ++i;
    if (!(terminated && followed_by_colon(text, i)) && end > begin) spans.emplace_back(begin, end);
  }
  return spans;
}

}  // namespace appflow_lint::source_map
