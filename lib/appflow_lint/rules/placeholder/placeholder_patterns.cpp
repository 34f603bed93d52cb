#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"

#include <regex>

namespace appflow_lint::rules::placeholder {
namespace {

// Placeholders are short. Longer values are only searched for template syntax, and
// every regex below runs on a bounded piece of text (libstdc++'s regex recurses per
// character, so it must never see a whole long value).
constexpr std::size_t kMaxWholeValue = 128;
constexpr std::size_t kMaxExpression = 100;

constexpr std::string_view kAngleKind = "an angle-bracket placeholder";
constexpr std::string_view kDollarKind = "an unrendered ${...} template variable";
constexpr std::string_view kMustacheKind = "an unrendered {{...}} template expression";
constexpr std::string_view kSyntaxKind = "the type name from the API reference's request syntax";
constexpr std::string_view kWordKind = "a placeholder word";
constexpr std::string_view kYourKind = "a your-value-here placeholder";
constexpr std::string_view kSampleKind = "a Member_name_value sample from AWS's example request";

const std::regex& angle_token() {
  static const std::regex re(R"(^<[A-Za-z][A-Za-z0-9 _-]*>$)", std::regex::optimize);
  return re;
}

// Whole values only, whatever the case: REPLACE_ME, replace-me, changeme, Change_Me,
// TODO, tbd, xxx, XXXXXXXX. ("Changeme!2024x" is a value, not a placeholder.)
const std::regex& placeholder_word() {
  static const std::regex re(R"(^(?:replace[_-]?me|change[_-]?me|todo|tbd|x{3,})$)",
                             std::regex::icase | std::regex::optimize);
  return re;
}

// YOUR_API_KEY (capitals only: the convention of sample code) and your-api-key-here.
const std::regex& your_upper() {
  static const std::regex re(R"(^YOUR_[A-Z0-9_]+$)", std::regex::optimize);
  return re;
}
const std::regex& your_here() {
  static const std::regex re(R"(^your[-_][A-Za-z0-9_-]*[-_]here$)", std::regex::icase | std::regex::optimize);
  return re;
}

// AWS's example request fills members with "Connector_Profile_Name_value",
// "Instance_url_value": a capitalised member name in words joined by _, then _value.
const std::regex& sample_value() {
  static const std::regex re(R"(^[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_value$)", std::regex::optimize);
  return re;
}

// Inside ${...}: a shell, Terraform or CloudFormation variable (VAR, var.name, AWS::Region).
const std::regex& dollar_inner() {
  static const std::regex re(R"(^[A-Za-z_][A-Za-z0-9_.:-]*$)", std::regex::optimize);
  return re;
}
// Inside {{...}}: a Mustache, Jinja or Helm/Go-template name ({{var}}, {{ var }}, {{- .Values.x -}}).
const std::regex& mustache_inner() {
  static const std::regex re(R"(^-?\s*\.?[A-Za-z_][A-Za-z0-9_.]*\s*-?$)", std::regex::optimize);
  return re;
}
// Inside <...>: the same name as a whole-value angle token.
const std::regex& angle_inner() {
  static const std::regex re(R"(^[A-Za-z][A-Za-z0-9 _-]*$)", std::regex::optimize);
  return re;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool matches(std::string_view text, const std::regex& re) { return std::regex_match(text.begin(), text.end(), re); }

// The first `open` ... `close` expression whose inside matches `inner`.
std::optional<std::string_view> find_enclosed(std::string_view value, std::string_view open, std::string_view close,
                                              const std::regex& inner) {
  for (std::size_t at = value.find(open); at != std::string_view::npos; at = value.find(open, at + 1)) {
    const std::size_t body = at + open.size();
    const std::string_view window = value.substr(body, kMaxExpression + close.size());
    const std::size_t end = window.find(close);
    if (end != std::string_view::npos && matches(window.substr(0, end), inner)) {
      return value.substr(at, open.size() + end + close.size());
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Placeholder> find_placeholder(std::string_view value, bool sensitive) {
  const std::string_view text = trim(value);
  if (text.size() <= kMaxWholeValue) {
    if (text == "string") return Placeholder{kSyntaxKind, text};
    if (matches(text, angle_token())) return Placeholder{kAngleKind, text};
    if (matches(text, placeholder_word())) return Placeholder{kWordKind, text};
    if (matches(text, your_upper()) || matches(text, your_here())) return Placeholder{kYourKind, text};
    if (matches(text, sample_value())) return Placeholder{kSampleKind, text};
  }
  if (auto found = find_enclosed(text, "${", "}", dollar_inner())) return Placeholder{kDollarKind, *found};
  if (auto found = find_enclosed(text, "{{", "}}", mustache_inner())) return Placeholder{kMustacheKind, *found};
  if (!sensitive) {
    if (auto found = find_enclosed(text, "<", ">", angle_inner())) return Placeholder{kAngleKind, *found};
  }
  return std::nullopt;
}

}  // namespace appflow_lint::rules::placeholder
