// Every rule's metadata (RuleInfo) is complete: docs/rules/<id>.md, --list-rules
// and configuration all read it, so a missing field is a defect in the rule. The
// category, fix availability and first release are checked too, fix availability
// against what the rule does in its cases (tests/rules/).
#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/version.hpp"
#include "case_file.hpp"
#include "case_runner.hpp"

namespace {

using appflow_lint::FixAvailability;
using appflow_lint::RuleCategory;
using appflow_lint::RuleInfo;
using appflow_lint::Severity;

using Version = std::array<int, 3>;

// "1.2.0" as {1, 2, 0}; nullopt unless it is MAJOR.MINOR.PATCH in decimal digits.
std::optional<Version> parse_version(std::string_view text) {
  static const std::regex pattern(R"(^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, pattern)) return std::nullopt;
  return Version{std::stoi(match[1].str()), std::stoi(match[2].str()), std::stoi(match[3].str())};
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

TEST(RuleMetadata, ThereAreRules) { EXPECT_FALSE(appflow_lint::list_rules().empty()); }

TEST(RuleMetadata, IdsAreAreaDotKebabCase) {
  const std::regex pattern(R"(^[a-z0-9-]+(\.[a-z0-9-]+)+$)");
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    EXPECT_TRUE(std::regex_match(std::string(rule.id), pattern)) << "rule id '" << rule.id << "'";
  }
}

TEST(RuleMetadata, IdsAreUniqueAndSorted) {
  std::set<std::string_view> seen;
  std::string_view previous;
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    EXPECT_TRUE(seen.insert(rule.id).second) << "duplicate rule id '" << rule.id << "'";
    EXPECT_LE(previous, rule.id) << "list_rules() is not sorted by id at '" << rule.id << "'";
    previous = rule.id;
  }
}

TEST(RuleMetadata, EveryFieldIsFilled) {
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    SCOPED_TRACE(std::string(rule.id));
    EXPECT_FALSE(blank(rule.summary)) << rule.id << ": summary is empty";
    EXPECT_FALSE(blank(rule.docs)) << rule.id << ": docs is empty";
    EXPECT_FALSE(blank(rule.applies_to)) << rule.id << ": applies_to is empty";
    EXPECT_FALSE(blank(rule.source)) << rule.id << ": source is empty";
    EXPECT_FALSE(blank(rule.failing_example)) << rule.id << ": failing_example is empty";
    EXPECT_FALSE(blank(rule.passing_example)) << rule.id << ": passing_example is empty";
  }
}

TEST(RuleMetadata, SummaryIsOneLineWithoutTrailingPeriod) {
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    const std::string_view summary = rule.summary;
    EXPECT_EQ(summary.find_first_of("\r\n"), std::string_view::npos) << rule.id << ": summary spans lines";
    EXPECT_FALSE(!summary.empty() && summary.back() == '.') << rule.id << ": summary ends with a period";
    EXPECT_FALSE(!summary.empty() && (summary.front() == ' ' || summary.back() == ' '))
        << rule.id << ": summary has leading or trailing spaces";
  }
}

TEST(RuleMetadata, SeverityIsOneOfTheThree) {
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    EXPECT_TRUE(rule.severity == Severity::Error || rule.severity == Severity::Warning ||
                rule.severity == Severity::Info)
        << rule.id << ": severity " << static_cast<int>(rule.severity);
    const std::string_view name = appflow_lint::to_string(rule.severity);
    EXPECT_TRUE(name == "error" || name == "warning" || name == "info") << rule.id << ": " << name;
  }
}

TEST(RuleMetadata, FindRuleReturnsEachRule) {
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    const RuleInfo* found = appflow_lint::find_rule(rule.id);
    ASSERT_NE(found, nullptr) << "find_rule(\"" << rule.id << "\") returned nullptr";
    EXPECT_EQ(found->id, rule.id);
    EXPECT_EQ(found->severity, rule.severity);
    EXPECT_EQ(found->summary, rule.summary);
  }
  EXPECT_EQ(appflow_lint::find_rule("no-such.rule"), nullptr);
  EXPECT_EQ(appflow_lint::find_rule(""), nullptr);
}

TEST(RuleMetadata, CategoryAndFixAreNamed) {
  const std::set<std::string_view> categories{"correctness", "security", "suspicious", "redundant", "limit"};
  const std::set<std::string_view> fixes{"none", "sometimes", "always"};
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    EXPECT_TRUE(categories.contains(appflow_lint::to_string(rule.category)))
        << rule.id << ": category " << static_cast<int>(rule.category) << " has no name";
    EXPECT_TRUE(fixes.contains(appflow_lint::to_string(rule.fix)))
        << rule.id << ": fix " << static_cast<int>(rule.fix) << " has no name";
  }
}

// `since` is the release a rule first shipped in: one already made (at most the
// project's version), or, for a rule added since, the next minor release.
TEST(RuleMetadata, SinceIsAReleaseNotPastTheNextOne) {
  const std::optional<Version> project = parse_version(appflow_lint::kVersion);
  ASSERT_TRUE(project) << "project version " << appflow_lint::kVersion;
  const Version next_minor{(*project)[0], (*project)[1] + 1, 0};
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    const std::optional<Version> since = parse_version(rule.since);
    ASSERT_TRUE(since) << rule.id << ": since '" << rule.since << "' is not MAJOR.MINOR.PATCH";
    EXPECT_GE(*since, (Version{1, 0, 0})) << rule.id << ": since " << rule.since << " is before the first release";
    EXPECT_TRUE(*since <= *project || *since == next_minor)
        << rule.id << ": since " << rule.since << " is past " << appflow_lint::kVersion
        << " and is not the next minor release";
  }
}

// Fix availability agrees with the rule's cases: `none` never offers a replacement,
// `sometimes` does in at least one case, `always` in every diagnostic of its cases.
TEST(RuleMetadata, FixAvailabilityAgreesWithTheCases) {
  struct Seen {
    int with_replacement = 0;
    int without_replacement = 0;
  };
  std::map<std::string, Seen> seen;
  for (const auto& path : appflow_lint::testing::discover_cases(APPFLOW_LINT_RULE_CASES_DIR)) {
    const auto parsed = appflow_lint::testing::parse_case_file(appflow_lint::testing::read_file(path));
    for (const auto& diagnostic : appflow_lint::testing::lint_case(parsed).diagnostics) {
      const bool fixes = std::any_of(diagnostic.suggestions.begin(), diagnostic.suggestions.end(),
                                     [](const appflow_lint::Suggestion& s) { return s.replacement.has_value(); });
      ++(fixes ? seen[diagnostic.rule].with_replacement : seen[diagnostic.rule].without_replacement);
    }
  }
  for (const RuleInfo& rule : appflow_lint::list_rules()) {
    const Seen& counts = seen[std::string(rule.id)];
    switch (rule.fix) {
      case FixAvailability::None:
        EXPECT_EQ(counts.with_replacement, 0) << rule.id << " is declared fix none but offers a replacement in "
                                              << counts.with_replacement << " diagnostic(s) of tests/rules";
        break;
      case FixAvailability::Sometimes:
        EXPECT_GT(counts.with_replacement, 0)
            << rule.id << " is declared fix sometimes but no case in tests/rules gets a replacement from it";
        break;
      case FixAvailability::Always:
        EXPECT_GT(counts.with_replacement, 0) << rule.id << " is declared fix always but never fires in tests/rules";
        EXPECT_EQ(counts.without_replacement, 0)
            << rule.id << " is declared fix always but " << counts.without_replacement
            << " diagnostic(s) in tests/rules have no replacement";
        break;
    }
  }
}

}  // namespace
