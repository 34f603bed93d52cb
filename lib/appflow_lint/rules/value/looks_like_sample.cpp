// value.looks-like-sample: a credentials value made of a sample word ("dummyAccessToken",
// "test-token"), which a real credential may be but rarely is.
#include <array>
#include <memory>

#include <re2/re2.h>

#include "appflow_lint/engine/path.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/byte_set.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kLooksLikeSample{
    .id = "value.looks-like-sample",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.4.0",
    .summary = "A credentials value that looks like a sample",
    .docs = R"md(A credential that starts or ends with a word such as `dummy`, `fake`, `sample`,
`example`, `test`, `demo` or `placeholder` (`dummyAccessToken`, `test-token`,
`fake_secret`, `sample-client-id`, `example_password`) is usually a sample value from
a README, a test or a Terraform example that was never replaced, and the connection
test fails with it. It is a warning, not an error: a real token can be
`dummyAccessToken` (a sandbox's, beside a real refresh token) and work. Only values
made of words (letters joined by `-_.` or in camelCase, up to 4 digits at the end, 64
characters at most) count, so random secrets that merely contain such a word pass.
Unmistakable placeholders are `value.placeholder`'s (an error), and are not reported
twice. The message never quotes the value.)md",
    .applies_to = "all connectors, string values under connectorProfileCredentials",
    .source =
        "public profiles with sample credentials left in (CDK samples and tests, READMEs, the Terraform "
        "provider's examples: \"example_password\")",
    .failing_example =
        R"json("Slack": {"clientId": "2912345678901.4512345678912", "accessToken": "dummyAccessToken", ...})json",
    .passing_example =
        R"json("Slack": {"clientId": "2912345678901.4512345678912", "accessToken": "xoxp-2912345678901-4512345678912-5623456789123-a1b2c3d4e5f6", ...})json",
};

// Words that sample values are made of, lower-case.
constexpr std::array<std::string_view, 7> kSampleWords{"dummy", "fake", "sample",     "example",
                                                       "test",  "demo", "placeholder"};
constexpr std::size_t kLongestWordy = 64;

// The words' first and last letters (lower case): a value that starts and ends with
// none of them needs no word compared, and that is nearly every value.
constexpr auto kFirstLetters = text::ByteSet::first_bytes_of(kSampleWords);
constexpr auto kLastLetters = text::ByteSet::last_bytes_of(kSampleWords);

// Words: letters joined by -_. or camelCase, and at most 4 digits at the end
// ("dummyAccessToken", "test-token", "test1234"). A random token has digits inside, so
// one that happens to start with "Test" is not taken for a sample.
bool wordy(std::string_view text) {
  static const re2::RE2 re(R"([A-Za-z]+(?:[-_.][A-Za-z]+)*[-_.]?[0-9]{0,4})");
  return !text.empty() && text.size() <= kLongestWordy && re2::RE2::FullMatch(text, re);
}

bool is_separator(char c) { return c == '-' || c == '_' || c == '.'; }

// The value starts with a sample word that ends there (end, separator, digit or a
// capital: "dummyAccessToken"), or ends with one after a separator ("token-example").
bool made_of_sample_word(std::string_view text) {
  if (text.empty() ||
      (!kFirstLetters.contains(ascii::lower(text.front())) && !kLastLetters.contains(ascii::lower(text.back())))) {
    return false;
  }
  for (const std::string_view word : kSampleWords) {
    if (text.size() >= word.size() && ascii::equal_ignoring_case(text.substr(0, word.size()), word)) {
      if (text.size() == word.size()) return true;
      const char next = text[word.size()];
      if (is_separator(next) || (next >= '0' && next <= '9') || (next >= 'A' && next <= 'Z')) return true;
    }
    if (text.size() > word.size() + 1 && ascii::ends_with_ignoring_case(text, word) &&
        is_separator(text[text.size() - word.size() - 1])) {
      return true;
    }
  }
  return false;
}

class LooksLikeSample final : public BasicRuleModule {
 public:
  LooksLikeSample() : BasicRuleModule({&kLooksLikeSample}) {}

  bool visits_strings() const noexcept override { return true; }

  void visit(const RuleContext& /*context*/, const NodeVisit& visit, Reporter& out) const override {
    const engine::Path& path = visit.path;
    if (path.depth() < 3 || path.step(0).name != "connectorProfileConfig" ||
        path.step(1).name != "connectorProfileCredentials" || visit.node.schema_faulted()) {
      return;
    }
    const std::string_view value = visit.node.string();
    if (!made_of_sample_word(value) || !wordy(value)) return;  // the cheap test first
    const bool secret = visit.exposure.value == secrets::Exposure::Secret;
    if (visit.facts.placeholder(secret) || placeholder::find_member_placeholder(value, visit.member, true)) {
      return;  // value.placeholder's
    }
    const std::string_view name =
        visit.exposure.key_hidden || visit.member.empty() ? "a credentials entry" : visit.member;
    out.report(kLooksLikeSample, visit.pointer(), Anchor::Value,
               "{}: this value looks like a sample (made of a word such as dummy, fake, sample, example or test); "
               "replace it with the real credential, or ignore this if it is one",
               name);
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_value_looks_like_sample() { return std::make_unique<LooksLikeSample>(); }

}  // namespace appflow_lint::rules
