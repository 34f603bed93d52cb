#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/byte_set.hpp"

#include <array>

#include <re2/re2.h>

namespace appflow_lint::rules::placeholder {
namespace {

// Placeholders are short: longer values are only searched for template syntax, and
// an expression inside one is bounded too. Every string of every request comes here,
// so each regex sits behind a one-character test that rules out nearly all values
// before RE2 runs.
constexpr std::size_t kMaxWholeValue = 128;
constexpr std::size_t kMaxExpression = 100;

constexpr std::string_view kAngleKind = "an angle-bracket placeholder";
constexpr std::string_view kDollarKind = "an unrendered ${...} template variable";
constexpr std::string_view kMustacheKind = "an unrendered {{...}} template expression";
constexpr std::string_view kSyntaxKind = "the type name from the API reference's request syntax";
constexpr std::string_view kWordKind = "a placeholder word";
constexpr std::string_view kYourKind = "a your-value-here placeholder";
constexpr std::string_view kSampleKind = "a Member_name_value sample from AWS's example request";
constexpr std::string_view kEllipsisKind = "an ellipsis standing for an elided value";
constexpr std::string_view kMemberNameKind = "the member's own name, as samples fill members";
constexpr std::string_view kNullWordKind = "a null word written as a string";
constexpr std::string_view kRunKind = "a sequential or repeated run, as documentation sample keys are";

// Null words written as strings; a table of views, so no call measures the words again.
constexpr std::array<std::string_view, 5> kNullWords{"none", "null", "undefined", "nil", "nan"};

// A credential is never shorter than this and a run, so shorter runs ("123") pass.
constexpr std::size_t kShortestRun = 8;

// <AccessToken>, and the doubled <<WORKSPACENAME>> of some vendors' docs.
const re2::RE2& angle_token() {
  static const re2::RE2 re(R"(^(?:<[A-Za-z][A-Za-z0-9 _-]*>|<<[A-Za-z][A-Za-z0-9 _-]*>>)$)");
  return re;
}

// Whole values only, whatever the case: REPLACE_ME, replace-me, changeme, Change_Me,
// TODO, tbd, xxx, XXXXXXXX. ("Changeme!2024x" is a value, not a placeholder.)
const re2::RE2& placeholder_word() {
  static const re2::RE2 re(R"((?i)^(?:replace[_-]?me|change[_-]?me|todo|tbd|x{3,})$)");
  return re;
}

// YOUR_API_KEY (capitals only: the convention of sample code) and your-api-key-here.
const re2::RE2& your_upper() {
  static const re2::RE2 re(R"(^YOUR_[A-Z0-9_]+$)");
  return re;
}
const re2::RE2& your_here() {
  static const re2::RE2 re(R"((?i)^(?:your|my)[-_][A-Za-z0-9_-]*[-_]here$)");
  return re;
}

// AWS's example request fills members with "Connector_Profile_Name_value",
// "Instance_url_value": a capitalised member name in words joined by _, then _value.
const re2::RE2& sample_value() {
  static const re2::RE2 re(R"(^[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_value$)");
  return re;
}

// Inside ${...}: a shell, Terraform or CloudFormation variable (VAR, var.name, AWS::Region).
const re2::RE2& dollar_inner() {
  static const re2::RE2 re(R"(^[A-Za-z_][A-Za-z0-9_.:-]*$)");
  return re;
}
// Inside {{...}}: a Mustache, Jinja or Helm/Go-template name ({{var}}, {{ var }}, {{- .Values.x -}}).
const re2::RE2& mustache_inner() {
  static const re2::RE2 re(R"(^-?\s*\.?[A-Za-z_][A-Za-z0-9_.]*\s*-?$)");
  return re;
}
// Inside <...>: the same name as a whole-value angle token.
const re2::RE2& angle_inner() {
  static const re2::RE2 re(R"(^[A-Za-z][A-Za-z0-9 _-]*$)");
  return re;
}

constexpr std::string_view kSpace = " \t\r\n";
constexpr text::ByteSet kBlank(kSpace);

std::string_view trim(std::string_view text) {
  if (text.empty() || (!kBlank.contains(text.front()) && !kBlank.contains(text.back()))) return text;
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool matches(std::string_view text, const re2::RE2& re) { return re2::RE2::FullMatch(text, re); }

char lower(char c) { return ascii::lower(c); }

// The first `open` ... `close` expression whose inside matches `inner`.
std::optional<std::string_view> find_enclosed(std::string_view value, std::string_view open, std::string_view close,
                                              const re2::RE2& inner) {
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

// "<<X>>" when `found` is the "<X>" inside one, so that a message quotes it as written.
std::string_view doubled(std::string_view text, std::string_view found) {
  const std::size_t at = static_cast<std::size_t>(found.data() - text.data());
  const std::size_t end = at + found.size();
  if (at > 0 && text[at - 1] == '<' && end < text.size() && text[end] == '>')
    return text.substr(at - 1, found.size() + 2);
  return found;
}

// Letters and digits only, lower-cased, compared without building either string (every
// string of every request is compared with its member's name): "client-id", "Client_ID"
// and "clientId" compare equal. `letters` receives the name's count of letters and digits.
bool same_squeezed(std::string_view text, std::string_view name, std::size_t& letters) {
  letters = 0;
  std::size_t t = 0;
  for (const char c : name) {
    if (!ascii::is_alnum(c)) continue;
    ++letters;
    while (t < text.size() && !ascii::is_alnum(text[t])) ++t;
    if (t == text.size() || lower(text[t]) != lower(c)) return false;  // most values differ at once
    ++t;
  }
  while (t < text.size() && !ascii::is_alnum(text[t])) ++t;
  return t == text.size();
}

// The orders a sample key runs through.
constexpr std::array<std::string_view, 3> kRunOrders{"0123456789", "abcdefghijklmnopqrstuvwxyz", "0123456789abcdef"};

// The bytes an order steps to other than the next byte up: where it wraps (9 -> 0,
// z -> a, f -> 0) and hex's 9 -> a.
constexpr text::ByteSet kRunJumps = [] {
  std::array<char, 8> jumps{};  // a constant-evaluation error if the orders ever need more
  std::size_t count = 0;
  for (const std::string_view order : kRunOrders) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      const char next = order[(i + 1) % order.size()];
      if (next != order[i] + 1) jumps[count++] = next;
    }
  }
  return text::ByteSet(std::string_view(jumps.data(), count));
}();

// Each character the one after the previous in 0-9, a-z or 0-9a-f (wrapping: "1234567890",
// "0123456789abcdef0123"), or all one character ("aaaaaaaa", "00000000").
bool is_run(std::string_view text) {
  if (text.size() < kShortestRun) return false;
  // A run's second character repeats the first, is the next byte up, or is one an
  // order jumps to: that rules out nearly every real credential before the orders
  // are searched.
  const char first = lower(text[0]);
  const char second = lower(text[1]);
  if (second != first && second != first + 1 && !kRunJumps.contains(second)) return false;
  if (text.find_first_not_of(text.front()) == std::string_view::npos) return true;
  for (const std::string_view order : kRunOrders) {
    std::size_t at = order.find(lower(text.front()));
    bool run = at != std::string_view::npos;
    for (std::size_t i = 1; run && i < text.size(); ++i) {
      at = (at + 1) % order.size();
      run = lower(text[i]) == order[at];
    }
    if (run) return true;
  }
  return false;
}

}  // namespace

std::optional<Placeholder> find_member_placeholder(std::string_view value, std::string_view member,
                                                   bool in_credentials) {
  const std::string_view text = trim(value);
  if (text.empty() || text.size() > kMaxWholeValue) return std::nullopt;
  std::size_t name_letters = 0;
  if (same_squeezed(text, member, name_letters) && name_letters >= 3) return Placeholder{kMemberNameKind, text};
  if (!in_credentials) return std::nullopt;
  for (const std::string_view word : kNullWords) {
    if (ascii::equal_ignoring_case(text, word)) return Placeholder{kNullWordKind, text};
  }
  if (is_run(text)) return Placeholder{kRunKind, text};
  return std::nullopt;
}

std::optional<Placeholder> find_placeholder(std::string_view value, bool sensitive) {
  const std::string_view text = trim(value);
  if (text.size() <= kMaxWholeValue) {
    if (text == "string") return Placeholder{kSyntaxKind, text};
    const char first = text.empty() ? '\0' : lower(text.front());
    if (first == '<' && matches(text, angle_token())) return Placeholder{kAngleKind, text};
    // The regexes run only where their fixed parts are there (the longest word is "replace_me").
    constexpr std::size_t kLongestWord = 10;
    if ((first == 'x' || ((first == 'r' || first == 'c' || first == 't') && text.size() <= kLongestWord)) &&
        matches(text, placeholder_word())) {
      return Placeholder{kWordKind, text};
    }
    if ((text.starts_with("YOUR_") && matches(text, your_upper())) ||
        ((first == 'y' || first == 'm') && text.size() > 4 && ascii::ends_with_ignoring_case(text, "here") &&
         matches(text, your_here()))) {
      return Placeholder{kYourKind, text};
    }
    if (text.ends_with("_value") && matches(text, sample_value())) return Placeholder{kSampleKind, text};
    if (first == '.' && text.size() >= 3 && text.find_first_not_of('.') == std::string_view::npos) {
      return Placeholder{kEllipsisKind, text};
    }
    if (text == "\u2026") return Placeholder{kEllipsisKind, text};
  }
  // memchr finds that an opener is absent (as in most values) faster than a loop over the bytes.
  if (text.find('$') != std::string_view::npos) {
    if (auto found = find_enclosed(text, "${", "}", dollar_inner())) return Placeholder{kDollarKind, *found};
  }
  if (text.find('{') != std::string_view::npos) {
    if (auto found = find_enclosed(text, "{{", "}}", mustache_inner())) return Placeholder{kMustacheKind, *found};
  }
  if (!sensitive && text.find('<') != std::string_view::npos) {
    if (auto found = find_enclosed(text, "<", ">", angle_inner()))
      return Placeholder{kAngleKind, doubled(text, *found)};
  }
  return std::nullopt;
}

}  // namespace appflow_lint::rules::placeholder
