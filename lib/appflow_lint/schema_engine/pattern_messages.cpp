#include "appflow_lint/schema_engine/pattern_messages.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace appflow_lint::schema_engine {
namespace {

// The model's patterns in words, for people who do not read regular expressions.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kPatternWords{{
    {R"([\w/!@#+=.-]+)", "letters, digits and _/!@#+=.- only"},
    {R"([\w]+)", "letters, digits and _ only"},
    {R"(\S+)", "no whitespace"},
    {R"([ -~]+)", "printable ASCII characters only"},
    {R"([\s\w/!@#+=.-]*)", "letters, digits, whitespace and _/!@#+=.- only"},
    {R"([a-zA-Z0-9][\w!@#.-]+)", "at least 2 characters: a letter or digit, then letters, digits and _!@#.-"},
    {R"(.*)", "no line breaks"},
    {R"(^[a-zA-Z0-9_]*$)", "letters, digits and _ only"},
    {R"(^\d{3}$)", "exactly three digits"},
    {R"(^$|com.amazonaws.vpce.[\w/!:@#.\-]+)",
     "empty, or a VPC endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"},
    {R"(^([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_\-\+\/=]*))",
     "a JWT: three base64url segments separated by dots"},
    {R"(^(https?)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|])", "an http:// or https:// URL"},
}};

std::string_view words_for(std::string_view aws_pattern) {
  for (const auto& [pattern, words] : kPatternWords) {
    if (pattern == aws_pattern) return words;
  }
  return {};
}

// A pattern that is one character class repeated (`[...]+`, `\S*`) accepts a string
// exactly when it accepts each character alone, so the offending characters can be
// found one by one with the same regex.
bool is_repeated_class(std::string_view aws_pattern) {
  if (aws_pattern.size() > 2 && aws_pattern.front() == '^' && aws_pattern.back() == '$') {
    aws_pattern = aws_pattern.substr(1, aws_pattern.size() - 2);  // the model anchors some itself
  }
  if (aws_pattern == ".*") return true;
  if (aws_pattern.size() < 3) return false;
  const char last = aws_pattern.back();
  if (last != '+' && last != '*') return false;
  const std::string_view body = aws_pattern.substr(0, aws_pattern.size() - 1);
  if (body.size() == 2 && body[0] == '\\') return true;
  if (body.front() != '[' || body.back() != ']') return false;
  for (std::size_t i = 1; i + 1 < body.size(); ++i) {
    if (body[i] == '\\') {
      ++i;
    } else if (body[i] == '[' || body[i] == ']') {
      return false;
    }
  }
  return true;
}

std::size_t code_point_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

std::string describe_character(std::string_view character) {
  if (character == " ") return "a space";
  if (character == "\t") return "a tab";
  if (character == "\n" || character == "\r") return "a line break";
  if (character.size() == 1 && static_cast<unsigned char>(character[0]) < 0x20) {
    return fmt::format("the control character U+{:04X}", static_cast<unsigned>(character[0]));
  }
  return fmt::format("'{}'", character);
}

}  // namespace

// Each character is matched alone: through the matcher's class table where it has one
// (RE2 costs some 1,500 instructions a call, a class table a few per byte).
PatternFault explain_pattern_fault(std::string_view aws_pattern, const StringMatcher& matcher, std::string_view value,
                                   bool sensitive) {
  PatternFault fault;
  const std::string_view words = words_for(aws_pattern);
  if (!words.empty()) fault.explanation = fmt::format("({})", words);
  if (!is_repeated_class(aws_pattern)) return fault;
  if (value.empty()) {
    fault.explanation += fault.explanation.empty() ? "found an empty string" : "; found an empty string";
    return fault;
  }

  std::string fixed;
  std::size_t position = 0;
  std::size_t first_bad_position = 0;
  std::string_view first_bad;
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t length = std::min(code_point_length(static_cast<unsigned char>(value[i])), value.size() - i);
    const std::string_view character = value.substr(i, length);
    ++position;
    if (matcher.matches(character)) {
      fixed += character;
    } else {
      if (first_bad.empty()) {
        first_bad = value.substr(i, length);
        first_bad_position = position;
      }
      fixed += '_';
    }
    i += length;
  }
  if (first_bad.empty()) return fault;  // not a per-character fault after all
  const std::string found =
      sensitive ? fmt::format("found a disallowed character at character {}", first_bad_position)
                : fmt::format("found {} at character {}", describe_character(first_bad), first_bad_position);
  fault.explanation += fault.explanation.empty() ? found : "; " + found;
  if (!sensitive && matcher.matches(fixed)) fault.fixed_value = std::move(fixed);
  return fault;
}

}  // namespace appflow_lint::schema_engine
