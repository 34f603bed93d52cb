// The public API as a program uses it: text and nlohmann front ends, verdicts,
// thread safety of one shared Linter, and no secret in any message.
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "appflow_lint/appflow_lint.hpp"
#include "appflow_lint/nlohmann.hpp"

namespace appflow_lint {
namespace {

constexpr const char* kValidUpdate = R"({
  "connectorProfileName": "sales_prod",
  "connectionMode": "Public",
  "connectorProfileConfig": {
    "connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://acme.my.salesforce.com"}},
    "connectorProfileCredentials": {"Salesforce": {"accessToken": "tok-123", "refreshToken": "ref-456"}}
  }
})";

TEST(LinterApi, ValidRequestIsOk) {
  const Linter linter;
  const LintResult result = linter.lint_text(kValidUpdate);
  EXPECT_TRUE(result.ok());
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST(LinterApi, NlohmannFrontEndGivesPointersWithoutRanges) {
  const Linter linter;
  nlohmann::json request = nlohmann::json::parse(kValidUpdate);
  request["connectionMode"] = "public";
  const LintResult result = lint_json(linter, request);
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].rule, "schema.enum");
  EXPECT_EQ(result.diagnostics[0].pointer, "/connectionMode");
  EXPECT_FALSE(result.diagnostics[0].range.has_value());
  ASSERT_EQ(result.diagnostics[0].suggestions.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].suggestions[0].message, "did you mean 'Public'?");
  EXPECT_FALSE(result.ok());
}

TEST(LinterApi, CreateOperationAcceptsCreateOnlyMembers) {
  const Linter create(LinterOptions{Operation::CreateConnectorProfile, {}});
  nlohmann::json request = nlohmann::json::parse(kValidUpdate);
  request["connectorType"] = "Salesforce";
  EXPECT_TRUE(lint_json(create, request).ok());
  const Linter update;
  const LintResult result = lint_json(update, request);
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].message,
            "connectorType is a member of CreateConnectorProfile, not of UpdateConnectorProfile");
}

TEST(LinterApi, SharedLinterGivesTheSameAnswersOnManyThreads) {
  const Linter linter;
  const std::string bad = R"({"connectorProfileName": "a b", "connectionMode": "Public",
    "connectorProfileConfig": {"connectorProfileProperties": {"Salesforce": {"instanceUrl": "x y"}}}})";
  const LintResult expected = linter.lint_text(bad);
  ASSERT_EQ(expected.diagnostics.size(), 2U);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const LintResult got = linter.lint_text(i % 2 == 0 ? bad : kValidUpdate);
        const std::size_t want = i % 2 == 0 ? expected.diagnostics.size() : 0;
        if (got.diagnostics.size() != want) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(LinterApi, SensitiveValuesNeverAppearInMessagesOrSuggestions) {
  const Linter linter;
  const std::string secret = "s3cr3t value with spaces\u00e9";
  nlohmann::json request = nlohmann::json::parse(kValidUpdate);
  auto& credentials = request["connectorProfileConfig"]["connectorProfileCredentials"];
  credentials["Salesforce"]["accessToken"] = secret + std::string(5000, 'x');
  credentials["Salesforce"]["jwtToken"] = secret;
  credentials["Salesforce"]["clientCredentialsArn"] = secret;
  const std::string text = request.dump();
  const LintResult result = linter.lint_text(text);
  ASSERT_FALSE(result.ok());
  for (const auto& d : result.diagnostics) {
    EXPECT_EQ(d.message.find("s3cr3t"), std::string::npos) << d.message;
    for (const auto& s : d.suggestions) {
      EXPECT_EQ(s.message.find("s3cr3t"), std::string::npos);
      if (s.replacement) {
        EXPECT_EQ(s.replacement->text.find("s3cr3t"), std::string::npos);
      }
    }
  }
  EXPECT_EQ(result.redactions.size(), 4U);  // accessToken, refreshToken, jwtToken, clientCredentialsArn
}

TEST(LinterApi, SyntaxErrorIsADiagnosticNotAnException) {
  const Linter linter;
  const LintResult result = linter.lint_text("{\"connectionMode\": \"Public\",}");
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].rule, "json.syntax");
  EXPECT_EQ(result.diagnostics[0].pointer, "");
  ASSERT_TRUE(result.diagnostics[0].range);
  EXPECT_EQ(result.diagnostics[0].range->start, (Position{1, 28}));  // the trailing comma
  EXPECT_EQ(result.diagnostics[0].message, "trailing comma before '}'");
  ASSERT_EQ(result.diagnostics[0].suggestions.size(), 1U);
  const auto& fix = result.diagnostics[0].suggestions[0].replacement;
  ASSERT_TRUE(fix);  // deletes the comma
  EXPECT_EQ(fix->range, *result.diagnostics[0].range);
  EXPECT_EQ(fix->text, "");
}

// The schema's pattern help would turn <connection_name> into a valid but meaningless
// _connection_name_; for a placeholder it offers no such edit, only the advice.
TEST(LinterApi, PatternHelpDoesNotRepairAPlaceholder) {
  const Linter linter;
  const auto pattern_suggestions = [&](const std::string& name) {
    const LintResult result =
        linter.lint_text(R"({"connectorProfileName": ")" + name +
                         R"(", "connectionMode": "Public", )"
                         R"("connectorProfileConfig": {"connectorProfileProperties": {"Honeycode": {}}}})");
    for (const auto& d : result.diagnostics) {
      if (d.rule == "schema.pattern") return d.suggestions;
    }
    return std::vector<Suggestion>{};
  };
  const auto placeholder = pattern_suggestions("<connection_name>");
  ASSERT_EQ(placeholder.size(), 1U);
  EXPECT_EQ(placeholder[0].message, "replace the placeholder with the real value");
  EXPECT_FALSE(placeholder[0].replacement);
  const auto typo = pattern_suggestions("sales force");
  ASSERT_EQ(typo.size(), 1U);
  ASSERT_TRUE(typo[0].replacement);
  EXPECT_EQ(typo[0].replacement->text, R"("sales_force")");
}

TEST(LinterApi, RuleCatalogIsSortedAndFindable) {
  const auto rules = list_rules();
  ASSERT_GE(rules.size(), 15U);
  for (std::size_t i = 1; i < rules.size(); ++i) EXPECT_LT(rules[i - 1].id, rules[i].id);
  ASSERT_NE(find_rule("schema.pattern"), nullptr);
  EXPECT_EQ(find_rule("schema.pattern")->severity, Severity::Error);
  EXPECT_EQ(find_rule("no.such-rule"), nullptr);
}

}  // namespace
}  // namespace appflow_lint

namespace appflow_lint {
namespace {

// Past 64 MiB a document is answered by one diagnostic, not parsed.
TEST(LinterLimits, ADocumentPast64MiBIsTooLarge) {
  const Linter linter;
  std::string text = R"({"connectorProfileName": ")";
  text.append(std::size_t{65} << 20, 'x');
  text += R"("})";
  const LintResult result = linter.lint_text(text);
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].rule, "json.too-large");
  EXPECT_EQ(result.diagnostics[0].range->start, (Position{1, 1}));
}

TEST(LinterLimits, TenMillionMembersAreAnsweredWithoutParsingThemAll) {
  const Linter linter;
  std::string text = "{";
  for (int i = 0; i < 10'000'000; ++i) text += i == 0 ? "\"a\":1" : ",\"a\":1";
  text += "}";
  const LintResult result = linter.lint_text(text);
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].rule, "json.too-large");
  // Past the bound on masks the whole text is one: nothing of it can be quoted.
  ASSERT_EQ(result.redactions.size(), 1U);
  EXPECT_EQ(result.redactions[0].start, (Position{1, 1}));
}

}  // namespace
}  // namespace appflow_lint
