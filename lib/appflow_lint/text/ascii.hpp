// ASCII character classes and case folding. The names and URL parts it compares are
// ASCII by definition (the model's member names, schemes, hosts); std::tolower would
// consult the C locale for every character, which costs a call each and could fold
// bytes of other encodings.
#pragma once

#include <algorithm>
#include <string_view>

namespace appflow_lint::ascii {

constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The four bytes JSON allows between tokens (RFC 8259, section 2).
constexpr bool is_json_whitespace(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr bool is_alnum(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

constexpr bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) noexcept {
  return text.size() >= suffix.size() && equal_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace appflow_lint::ascii
