// The class-table form of a schema pattern must match exactly what RE2 matches.
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/schema_engine/schema_bundle.hpp"
#include "appflow_lint/schema_engine/string_matcher.hpp"

namespace appflow_lint::schema_engine {
namespace {

void collect_patterns(const nlohmann::json& node, std::set<std::string>& out) {
  if (node.is_object()) {
    if (auto pattern = node.find("pattern"); pattern != node.end()) out.insert(pattern->get<std::string>());
    for (const auto& [key, value] : node.items()) collect_patterns(value, out);
  } else if (node.is_array()) {
    for (const auto& value : node) collect_patterns(value, out);
  }
}

// Every pattern of the Update and Create schemas.
std::set<std::string> model_patterns() {
  std::set<std::string> patterns;
  for (auto text : {schema_bundle::kUpdateConnectorProfileRequest, schema_bundle::kCreateConnectorProfileRequest}) {
    collect_patterns(nlohmann::json::parse(text), patterns);
  }
  return patterns;
}

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

TEST(StringMatcher, ClassTablesAgreeWithRe2) {
  const std::set<std::string> patterns = model_patterns();
  std::vector<std::string> samples{""};
  for (char32_t c = 0; c < 0x300; ++c) samples.push_back(utf8(c));
  for (char32_t c : {0x2028u, 0x3000u, 0x65E5u, 0xFEFFu, 0x1F600u}) samples.push_back(utf8(c));
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int length = static_cast<int>(random() % 8);
    for (int j = 0; j < length; ++j) text += samples[1 + random() % (samples.size() - 1)];
    samples.push_back(text);
  }
  int tables = 0;
  for (const auto& pattern : patterns) {
    const StringMatcher matcher(pattern);
    const re2::RE2 reference(pattern);
    tables += matcher.uses_class_table() ? 1 : 0;
    for (const auto& sample : samples) {
      ASSERT_EQ(matcher.matches(sample), re2::RE2::FullMatch(sample, reference)) << pattern << " on '" << sample << "'";
    }
  }
  // \S+, .*, [\w]+, [\w/!@#+=.-]+, [\s\w/!@#+=.-]*, [a-zA-Z0-9_]*, [ -~]+ are tables.
  EXPECT_GE(tables, 7);
}

// Long values are checked eight bytes at a time: every byte, at every position of a
// 40-byte value and its tails, must still decide as RE2 decides.
TEST(StringMatcher, LongValuesAgreeWithRe2AtEveryPosition) {
  const std::set<std::string> patterns = model_patterns();
  const std::string fill(40, 'a');
  std::vector<std::string> odd_ones;
  for (char32_t c = 0; c < 0x80; ++c) odd_ones.push_back(utf8(c));
  for (char32_t c : {0xA0u, 0x2028u, 0x65E5u, 0x1F600u}) odd_ones.push_back(utf8(c));
  int checked = 0;
  for (const auto& pattern : patterns) {
    const StringMatcher matcher(pattern);
    if (!matcher.uses_class_table()) continue;
    const re2::RE2 reference(pattern);
    for (const auto& odd : odd_ones) {
      for (std::size_t at = 0; at <= fill.size(); ++at) {
        const std::string sample = fill.substr(0, at) + odd + fill.substr(at);
        ASSERT_EQ(matcher.matches(sample), re2::RE2::FullMatch(sample, reference))
            << pattern << " with U+" << std::hex << static_cast<unsigned>(odd[0]) << " at " << std::dec << at;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 7 * 100);
}

// Sequences of classes and literals (the JWT's pattern) are matched item by item. Each
// pattern here, whether it compiles to a sequence or is left to RE2 (an item that could
// start what follows it, alternation, counted repetition), must decide as RE2 does on
// every string of up to 7 pieces built from the characters the patterns care about.
TEST(StringMatcher, SequencesAgreeWithRe2) {
  const std::vector<std::pair<std::string, bool>> patterns{
      {R"(^(?:^([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_\-\+\/=]*))$)", true},
      {R"(^(?:[a-c]+x[d-f]*)$)", true},
      {R"(^(?:\w+\.\w+)$)", true},
      {R"(^(?:a[0-9]+)$)", true},
      {R"(^(?:a:\S+)$)", true},
      {R"(^(?:[a-c]*x)$)", true},
      {R"(^(?:(?:[a-c]+)-(x))$)", true},
      {R"(^(?:ab?c)$)", true},
      {R"(^(?:a?a)$)", true},                    // the last byte is the last item's
      {R"(^(?:[a-c]+a)$)", true},                // the same, after a repeated class
      {R"(^(?:(ab?)://[a-c:/]*[a-c])$)", true},  // the URL pattern's shape
      {R"(^(?:x?)$)", true},
      {R"(^(?:[a-c]+ab)$)", false},       // the class can start what follows
      {R"(^(?:\S+\.x)$)", false},         // the same, through \S
      {R"(^(?:[a-c]+[d-f]*x)$)", false},  // an optional item after a repeated one
      {R"(^(?:a?b?c)$)", false},          // the same, after an optional one
      {R"(^(?:(ab)+)$)", false},          // a quantified group
      {R"(^(?:(ab)?c)$)", false},
      {R"(^(?:a|b)$)", false},
      {R"(^(?:^\d{3}$)$)", false},
      {R"(^(?:x.)$)", false},    // one code point of '.' may be several bytes
      {R"(^(?:x\S?)$)", false},  // the same, optional
  };
  const std::vector<std::string> pieces{"a", "b", "c", "x", "d",  "f",        "Z",
                                        "0", "9", "_", "=", ".",  ".",        "-",
                                        "+", "/", ":", " ", "\n", "\xC3\xA9", "\xF0\x9F\x98\x80"};
  std::vector<std::string> samples{""};
  for (const auto& piece : pieces) samples.push_back(piece);
  std::mt19937 random(11);
  for (int i = 0; i < 40000; ++i) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 7);
    for (int j = 0; j < length; ++j) text += pieces[random() % pieces.size()];
    samples.push_back(text);
  }
  // Scheme-like starts, so that the URL-shaped pattern meets values it matches.
  const std::vector<std::string> starts{"a://", "ab://", "a:/", "ab:", "abb://", "a//"};
  for (int i = 0; i < 10000; ++i) {
    std::string text = starts[random() % starts.size()];
    const int length = static_cast<int>(random() % 4);
    for (int j = 0; j < length; ++j) text += pieces[random() % pieces.size()];
    samples.push_back(text);
  }
  for (const auto& [pattern, is_sequence] : patterns) {
    const StringMatcher matcher(pattern);
    EXPECT_EQ(matcher.uses_sequence(), is_sequence) << pattern;
    const re2::RE2 reference(pattern);
    int matched = 0;
    for (const auto& sample : samples) {
      const bool expected = re2::RE2::FullMatch(sample, reference);
      ASSERT_EQ(matcher.matches(sample), expected) << pattern << " on '" << sample << "'";
      matched += expected ? 1 : 0;
    }
    EXPECT_GT(matched, 0) << pattern << ": no sample matched, so the check proved little";
  }
}

// The model's three sequences, jwtToken's, connectorProfileName's and the URL members', on real values and
// on each way a value breaks them.
TEST(StringMatcher, TheModelsSequences) {
  const std::set<std::string> patterns = model_patterns();
  const std::string header = "eyJhbGciOiJSUzI1NiJ9", payload = "eyJpc3MiOiJhcHAiLCJleHAiOjE3OTk5OTk5OTl9";
  const std::string signature(342, 'A');
  const std::vector<std::string> values{header + "." + payload + "." + signature,
                                        header + "." + payload + ".",
                                        header + ".." + signature,
                                        header + "." + payload,
                                        header + "." + payload + "." + signature + " ",
                                        header + "." + payload + ".a/b+c=",
                                        "." + payload + ".x",
                                        header + "." + payload + ".x.y",
                                        header + "==." + payload + "=.sig",
                                        "sales-prod_01",
                                        "a",
                                        "ab",
                                        "-ab",
                                        "a b",
                                        "name@acme.com",
                                        "x#1.2",
                                        "\xc3\xa9t\xc3\xa9",
                                        "a\xc3\xa9",
                                        "https://acme.my.salesforce.com",
                                        "http://h/",
                                        "https://h/path?q=1#top",
                                        "https://h/path.",
                                        "https://",
                                        "https:///",
                                        "https://h p",
                                        "ftp://h",
                                        "https://h\xc3\xa9"};
  std::vector<std::string> sequences;
  for (const auto& pattern : patterns) {
    const StringMatcher matcher(pattern);
    if (!matcher.uses_sequence()) continue;
    sequences.push_back(pattern);
    const re2::RE2 reference(pattern);
    int matched = 0;
    for (const std::string& value : values) {
      const bool expected = re2::RE2::FullMatch(value, reference);
      EXPECT_EQ(matcher.matches(value), expected) << pattern << " on " << value;
      matched += expected ? 1 : 0;
    }
    EXPECT_GE(matched, 3) << pattern;
  }
  EXPECT_EQ(sequences,
            (std::vector<std::string>{R"(^(?:[a-zA-Z0-9][\w!@#.-]+)$)",
                                      R"(^(?:^([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_\-\+\/=]*))$)",
                                      R"(^(?:^(https?)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|])$)"}));
}

// A sequence's repeated items scan eight bytes a step before the rest one by one: every
// odd character at every position of long runs, in each of the model's sequences, must
// decide as RE2 does (the values above are too short or too regular to reach each step).
TEST(StringMatcher, LongSequenceRunsAgreeWithRe2AtEveryPosition) {
  const std::set<std::string> patterns = model_patterns();
  const std::string run(21, 'a');
  const std::vector<std::string> bases{run + "." + run + "." + run, "https://" + run + "/" + run, "a" + run + run};
  std::vector<std::string> odd_ones;
  for (char32_t c = 0; c < 0x80; ++c) odd_ones.push_back(utf8(c));
  for (char32_t c : {0xA0u, 0x65E5u}) odd_ones.push_back(utf8(c));
  int sequences = 0;
  for (const auto& pattern : patterns) {
    const StringMatcher matcher(pattern);
    if (!matcher.uses_sequence()) continue;
    ++sequences;
    const re2::RE2 reference(pattern);
    int matched = 0;
    for (const std::string& base : bases) {
      for (const auto& odd : odd_ones) {
        for (std::size_t at = 0; at <= base.size(); ++at) {
          const std::string sample = base.substr(0, at) + odd + base.substr(at);
          const bool expected = re2::RE2::FullMatch(sample, reference);
          ASSERT_EQ(matcher.matches(sample), expected) << pattern << " on " << sample;
          matched += expected ? 1 : 0;
        }
      }
    }
    EXPECT_GT(matched, 100) << pattern << ": few samples matched, so the check proved little";
  }
  EXPECT_EQ(sequences, 3);
}

}  // namespace
}  // namespace appflow_lint::schema_engine
