#include "appflow_lint/secrets/redactions.hpp"

#include <algorithm>
#include <string>

#include "appflow_lint/secrets/url_credentials.hpp"

namespace appflow_lint::secrets {
namespace {

struct ParsedWalk {
  const SecretPolicy& policy;
  std::string_view text;
  std::vector<ByteSpan>& out;

  void value_span(const document::Node& node) { out.emplace_back(node.begin(), node.end()); }

  // Recursion only follows shown nodes, so it is bounded by the schema's depth.
  void visit(const document::Node& node, const NodeExposure& exposure, const document::Member* member) {
    if (!node.located()) return;
    if (exposure.key_hidden && member != nullptr && member->key_begin != document::kNoOffset) {
      out.emplace_back(member->key_begin, member->key_end);
    }
    if (!exposure.shown()) {
      // true, false and null carry nothing secret outside a secret (`"kmsArn": null` reads better).
      if (!(exposure.value == Exposure::Hidden && (node.is_boolean() || node.is_null()))) value_span(node);
      return;
    }
    if (node.is_object()) {
      for (const document::Member& child : node.members())
        visit(child.value, policy.member(exposure, child.key), &child);
    } else if (node.is_array()) {
      for (const document::Node& element : node.elements()) visit(element, policy.element(exposure), nullptr);
    } else if (!policy.may_quote(exposure, node)) {
      value_span(node);
    } else if (node.is_string()) {
      add_url_credential_spans(text.substr(node.begin(), node.end() - node.begin()), node.begin(), out);
    }
  }
};

bool is_punctuation(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == ' ' || c == '\t' || c == '\n' ||
         c == '\r';
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Sorted, with overlapping or touching spans merged.
std::vector<ByteSpan> normalized(std::vector<ByteSpan> spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<ByteSpan> merged;
  for (const auto& span : spans) {
    if (span.second <= span.first) continue;
    if (!merged.empty() && span.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

}  // namespace

std::vector<ByteSpan> parsed_redactions(const SecretPolicy& policy, const document::Node& document,
                                        std::string_view text) {
  std::vector<ByteSpan> spans;
  ParsedWalk{policy, text, spans}.visit(document, policy.root(), nullptr);
  return normalized(std::move(spans));
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
  return normalized(std::move(spans));
}

}  // namespace appflow_lint::secrets
