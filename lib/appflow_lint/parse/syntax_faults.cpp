#include "appflow_lint/parse/syntax_faults.hpp"

#include <array>

#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::parse {
namespace {

// nlohmann names the parse state: "syntax error while parsing <state> - ...".
enum class State { Value, Key, Separator, Object, Array, Other };

State state_of(std::string_view message) {
  constexpr std::string_view kPrefix = "syntax error while parsing ";
  if (!message.starts_with(kPrefix)) return State::Other;
  const std::string_view rest = message.substr(kPrefix.size());
  constexpr std::array<std::pair<std::string_view, State>, 5> kStates{{
      {"value - ", State::Value},
      {"object key - ", State::Key},
      {"object separator - ", State::Separator},
      {"object - ", State::Object},
      {"array - ", State::Array},
  }};
  for (const auto& [name, state] : kStates) {
    if (rest.starts_with(name)) return state;
  }
  return State::Other;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
bool is_word_char(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }

// The bare word (letters, digits, '_', '$') around `offset`: the lexer may stop inside
// one ("nan" at its 'a'). Empty when there is none there.
struct Word {
  std::size_t begin = 0;
  std::string_view text;
};
Word word_at(std::string_view text, std::size_t offset) {
  std::size_t begin = offset;
  while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  std::size_t end = offset;
  while (end < text.size() && is_word_char(text[end])) ++end;
  return {begin, text.substr(begin, end - begin)};
}

// Words people write for values JSON spells otherwise. A message names the table's
// word, never the text's.
struct BareWord {
  std::string_view word;
  std::string_view message;
};
constexpr std::string_view kNotNumbers = "NaN and Infinity are not JSON numbers; write a number, or null";
constexpr std::array<BareWord, 16> kBareWords{{
    {"NaN", kNotNumbers},
    {"nan", kNotNumbers},
    {"NAN", kNotNumbers},
    {"Infinity", kNotNumbers},
    {"infinity", kNotNumbers},
    {"inf", kNotNumbers},
    {"Inf", kNotNumbers},
    {"True", "True is not JSON: write true, in lower case"},
    {"TRUE", "TRUE is not JSON: write true, in lower case"},
    {"False", "False is not JSON: write false, in lower case"},
    {"FALSE", "FALSE is not JSON: write false, in lower case"},
    {"None", "None is not JSON: write null"},
    {"Null", "Null is not JSON: write null, in lower case"},
    {"NULL", "NULL is not JSON: write null, in lower case"},
    {"nil", "nil is not JSON: write null"},
    {"undefined", "undefined is not JSON: write null, or leave the member out"},
}};

const BareWord* bare_word(std::string_view word) {
  for (const BareWord& entry : kBareWords) {
    if (entry.word == word) return &entry;
  }
  return nullptr;
}

// The last byte before `offset` that is not white space, or npos.
std::size_t previous_token_byte(std::string_view text, std::size_t offset) {
  for (std::size_t i = offset; i-- > 0;) {
    if (!ascii::is_json_whitespace(text[i])) return i;
  }
  return std::string_view::npos;
}

constexpr std::string_view kSingleQuotes = "JSON strings and member names take double quotes, not single quotes";
constexpr std::string_view kUnquotedName = "member names must be double-quoted strings";

// A fault at a letter in a value's place: a word of the table (NaN, True, None, with a
// sign for Infinity), or other unquoted text. A word that starts true, false or null
// is a typo or a cut-off literal, which nlohmann's "invalid literal" already says.
std::optional<SyntaxFault> describe_bare_value(std::string_view text, std::size_t offset, std::string_view message) {
  const bool literal = message.find("- invalid literal") != std::string_view::npos;
  const bool after_sign = message.find("- invalid number") != std::string_view::npos && offset > 0 &&
                          (text[offset - 1] == '-' || text[offset - 1] == '+');
  const bool at_sign = literal && offset < text.size() && (text[offset] == '+' || text[offset] == '-');
  if (!literal && !after_sign) return std::nullopt;
  const Word word = word_at(text, at_sign ? offset + 1 : offset);
  if (word.text.empty() || !is_letter(word.text.front())) return std::nullopt;
  const std::size_t sign = after_sign || at_sign ? word.begin - 1 : word.begin;
  if (const BareWord* entry = bare_word(word.text)) {
    if (sign != word.begin && entry->message != kNotNumbers) return std::nullopt;
    return SyntaxFault{sign, std::string(entry->message)};
  }
  if (sign != word.begin) return std::nullopt;
  for (const std::string_view literal_word : {"true", "false", "null"}) {
    if (literal_word.starts_with(word.text) || word.text.starts_with(literal_word)) return std::nullopt;
  }
  return SyntaxFault{word.begin, "unquoted text is not a JSON value; strings take double quotes"};
}

}  // namespace

std::optional<SyntaxFault> describe_syntax_fault(std::string_view text, std::size_t offset, std::string_view message) {
  const State state = state_of(message);
  if (state == State::Other) return std::nullopt;
  const bool at_end = offset >= text.size();
  const char c = at_end ? '\0' : text[offset];
  // By the byte at the fault, in any state (after the document too).
  if (c == '/' && offset + 1 < text.size() && (text[offset + 1] == '/' || text[offset + 1] == '*')) {
    return SyntaxFault{offset, "comments are not allowed in JSON"};
  }
  if (c == '\'') return SyntaxFault{offset, std::string(kSingleQuotes)};
  if (at_end || message.find("expected end of input") != std::string_view::npos) return std::nullopt;

  // A closing bracket where a member name ('}') or an element (']') belongs.
  if ((c == '}' && state == State::Key) || (c == ']' && state == State::Value)) {
    const std::size_t comma = previous_token_byte(text, offset);
    if (comma != std::string_view::npos && text[comma] == ',') {
      return SyntaxFault{comma, c == '}' ? "trailing comma before '}'" : "trailing comma before ']'", true};
    }
    return std::nullopt;
  }
  switch (state) {
    case State::Separator:
      return SyntaxFault{offset, "missing ':' after member name"};
    case State::Key: {
      const Word word = word_at(text, offset);
      if (word.text.empty() && c != '-') return std::nullopt;
      return SyntaxFault{word.text.empty() ? offset : word.begin, std::string(kUnquotedName)};
    }
    case State::Object: {
      // A member name (or an unquoted one) where ',' or '}' belongs.
      const Word word = word_at(text, offset);
      if (c != '"' && (word.text.empty() || !is_letter(word.text.front()))) return std::nullopt;
      return SyntaxFault{c == '"' ? offset : word.begin, "missing ',' between members"};
    }
    case State::Array: {
      // A value where ',' or ']' belongs; anything else ('}', ':', '/') is another fault.
      const Word word = word_at(text, offset);
      if (c != '"' && c != '{' && c != '[' && c != '-' && word.text.empty()) return std::nullopt;
      return SyntaxFault{word.text.empty() ? offset : word.begin, "missing ',' between elements"};
    }
    case State::Value:
      return describe_bare_value(text, offset, message);
    case State::Other:
      break;
  }
  return std::nullopt;
}

}  // namespace appflow_lint::parse
