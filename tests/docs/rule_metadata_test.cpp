// Every rule's metadata (RuleInfo) is complete: docs/rules/<id>.md, --list-rules
// and configuration all read it, so a missing field is a defect in the rule.
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/rule_info.hpp"

namespace {

using appflow_lint::RuleInfo;
using appflow_lint::Severity;

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

}  // namespace
