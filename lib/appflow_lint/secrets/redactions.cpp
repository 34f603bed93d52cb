#include "appflow_lint/secrets/redactions.hpp"

#include <algorithm>
#include <string>

#include "appflow_lint/secrets/secret_walk.hpp"

namespace appflow_lint::secrets {
namespace {

bool is_punctuation(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == ' ' || c == '\t' || c == '\n' ||
         c == '\r';
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

}  // namespace

std::vector<ByteSpan> merged_spans(std::vector<ByteSpan> spans) {
  std::sort(spans.begin(), spans.end());
  // In place: the merged list is never longer than the sorted one it is read from.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const ByteSpan span = spans[i];
    if (span.second <= span.first) continue;
    if (kept > 0 && span.first <= spans[kept - 1].second) {
      spans[kept - 1].second = std::max(spans[kept - 1].second, span.second);
    } else {
      spans[kept++] = span;
    }
  }
  spans.resize(kept);
  return spans;
}

std::vector<ByteSpan> parsed_redactions(const SecretPolicy& policy, const document::Node& document,
                                        std::string_view text) {
  return find_secrets(policy, document, {.strings = false, .text = text}).spans;
}

std::vector<ByteSpan> unparsed_redactions(std::string_view text, std::size_t max_spans) {
  std::vector<ByteSpan> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    if (spans.size() > max_spans) return {ByteSpan{0, text.size()}};
    const char c = text[i];
    if (c == '"' || c == '\'') {
      const std::size_t begin = ++i;  // the contents: the quotes stay, so the shape reads
      while (i < text.size() && text[i] != c && !is_line_break(text[i])) {
        i += (text[i] == '\\' && i + 1 < text.size() && !is_line_break(text[i + 1])) ? 2 : 1;
      }
      spans.emplace_back(begin, i);
      if (i < text.size() && text[i] == c) ++i;
    } else if (is_punctuation(c)) {
      ++i;
    } else {
      const std::size_t begin = i;
      while (i < text.size() && !is_punctuation(text[i]) && text[i] != '"' && text[i] != '\'') ++i;
      const std::string_view word = text.substr(begin, i - begin);
      if (word != "true" && word != "false" && word != "null") spans.emplace_back(begin, i);
    }
  }
  return merged_spans(std::move(spans));
}

}  // namespace appflow_lint::secrets
