// Runs every tests/rules/**/*.case: the linter's diagnostics must equal the case's
// inline expectations exactly (rule, severity, range, pointer; message substrings),
// nothing missing and nothing unexpected. A case may pin its fixed text beside it:
// NAME.fixed (what --fix makes of the document) and NAME.unsafe-fixed (--fix
// --unsafe-fixes); the fixed text must lint without the fixed diagnostics and
// without any diagnostic the original did not have.
#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "appflow_lint/fix/apply_fixes.hpp"
#include "appflow_lint/lint.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "case_file.hpp"
#include "case_runner.hpp"

namespace appflow_lint::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCasesRoot = APPFLOW_LINT_RULE_CASES_DIR;

std::string show(const Range& range) {
  std::ostringstream out;
  out << "@" << range.start.line << ":" << range.start.column << "-" << range.end.line << ":" << range.end.column;
  return out.str();
}

std::string show(const Diagnostic& d) {
  return (d.range ? show(*d.range) : std::string("@?")) + " " + std::string(to_string(d.severity)) + " " + d.rule +
         " " + (d.pointer.empty() ? "\"\"" : d.pointer) + "  (" + d.message + ")";
}

bool matches(const ExpectedDiagnostic& expected, const Diagnostic& actual) {
  return expected.rule == actual.rule && expected.severity == actual.severity && actual.range &&
         expected.range == *actual.range && (!expected.pointer || *expected.pointer == actual.pointer) &&
         (!expected.message_part || actual.message.find(*expected.message_part) != std::string::npos);
}

class RuleCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(RuleCase, DiagnosticsMatchAnnotations) {
  const CaseFile parsed = parse_case_file(read_file(GetParam()));
  const LintResult result = lint_case(parsed);

  std::vector<bool> used(result.diagnostics.size(), false);
  std::vector<std::string> missing;
  for (const auto& expected : parsed.expected) {
    bool found = false;
    for (std::size_t i = 0; i < result.diagnostics.size() && !found; ++i) {
      if (!used[i] && matches(expected, result.diagnostics[i])) used[i] = found = true;
    }
    if (!found) {
      missing.push_back("line " + std::to_string(expected.annotation_line) + ": " + show(expected.range) + " " +
                        std::string(to_string(expected.severity)) + " " + expected.rule + " " +
                        expected.pointer.value_or("(any pointer)") +
                        (expected.message_part ? " \"" + *expected.message_part + "\"" : ""));
    }
  }
  std::vector<std::string> unexpected;
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    if (!used[i]) unexpected.push_back(show(result.diagnostics[i]));
  }
  std::string report;
  for (const auto& line : missing) report += "  missing:    " + line + "\n";
  for (const auto& line : unexpected) report += "  unexpected: " + line + "\n";
  EXPECT_TRUE(missing.empty() && unexpected.empty()) << GetParam().string() << "\n" << report;
}

std::string case_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, kCasesRoot).replace_extension().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, RuleCase, ::testing::ValuesIn(discover_cases(kCasesRoot)), case_name);

struct FixCase {
  fs::path case_path;
  fs::path expected_path;
  fix::FixLevel level;
};

std::vector<FixCase> discover_fix_cases() {
  std::vector<FixCase> cases;
  for (const auto& path : discover_cases(kCasesRoot)) {
    for (const auto& [extension, level] :
         {std::pair{".fixed", fix::FixLevel::Safe}, std::pair{".unsafe-fixed", fix::FixLevel::SafeAndUnsafe}}) {
      fs::path expected = path;
      expected.replace_extension(extension);
      if (fs::exists(expected)) cases.push_back({path, expected, level});
    }
  }
  return cases;
}

using Key = std::pair<std::string, std::string>;  // (rule, pointer)

std::vector<Key> keys_of(const LintResult& result) {
  std::vector<Key> keys;
  for (const auto& d : result.diagnostics) keys.emplace_back(d.rule, d.pointer);
  return keys;
}

bool fixable(const Diagnostic& d, fix::FixLevel level) {
  return std::any_of(d.suggestions.begin(), d.suggestions.end(), [&](const Suggestion& s) {
    return s.replacement && (level == fix::FixLevel::SafeAndUnsafe || s.applicability == Applicability::Safe);
  });
}

class FixedCase : public ::testing::TestWithParam<FixCase> {};

TEST_P(FixedCase, FixedTextMatchesAndLintsWithoutTheFixedDiagnostics) {
  const CaseFile parsed = parse_case_file(read_file(GetParam().case_path));
  ASSERT_FALSE(parsed.jsonl) << "fixed-text cases are single documents";
  const auto lint = [&](std::string_view text) {
    CaseFile copy = parsed;
    copy.document = std::string(text);
    return lint_case(copy);
  };
  const fix::FixedText fixed = fix::apply_fixes(parsed.document, GetParam().level, lint);
  EXPECT_GT(fixed.applied, 0u) << GetParam().case_path.string() << ": nothing was fixed";
  EXPECT_EQ(fixed.text, read_file(GetParam().expected_path)) << GetParam().expected_path.string();

  const LintResult before = lint(parsed.document);
  const std::vector<Key> before_keys = keys_of(before);
  const std::vector<Key> after_keys = keys_of(lint(fixed.text));
  for (const auto& key : after_keys) {
    EXPECT_NE(std::find(before_keys.begin(), before_keys.end(), key), before_keys.end())
        << "the fix brought a new diagnostic: " << key.first << " " << key.second;
  }
  for (const auto& d : before.diagnostics) {
    if (!fixable(d, GetParam().level)) continue;
    EXPECT_EQ(std::find(after_keys.begin(), after_keys.end(), Key{d.rule, d.pointer}), after_keys.end())
        << "still there after its fix: " << d.rule << " " << d.pointer;
  }
}

std::string fix_case_name(const ::testing::TestParamInfo<FixCase>& info) {
  std::string name = fs::relative(info.param.expected_path, kCasesRoot).string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixes, FixedCase, ::testing::ValuesIn(discover_fix_cases()), fix_case_name);

// Every rule has at least one case where it fires and one clean case in its folder.
TEST(RuleCatalog, EveryRuleHasFailingAndPassingCases) {
  std::map<std::string, std::pair<int, int>> counts;  // rule -> (failing, passing)
  for (const auto& path : discover_cases(kCasesRoot)) {
    const std::string folder = path.parent_path().filename().string();
    const CaseFile parsed = parse_case_file(read_file(path));
    for (const auto& expected : parsed.expected) ++counts[expected.rule].first;
    if (std::none_of(parsed.expected.begin(), parsed.expected.end(),
                     [&](const ExpectedDiagnostic& e) { return e.rule == folder; })) {
      ++counts[folder].second;
    }
  }
  for (const auto& rule : list_rules()) {
    // Every map in the 2020-08-23 model has minProperties 0, so no request can
    // break it; the keyword is covered by schema_engine_test (MapSizeAndKeyFaults).
    if (rule.id == "schema.min-properties") continue;
    const auto& [failing, passing] = counts[std::string(rule.id)];
    EXPECT_GT(failing, 0) << rule.id << " has no case where it fires";
    EXPECT_GT(passing, 0) << rule.id << " has no clean case in tests/rules/" << rule.id;
  }
}

// A module whose check() is scoped to one connector names a row of the connector
// table, spelt as there: a misspelt scope would skip the check for every request.
TEST(RuleModules, CheckConnectorsAreTableMembers) {
  int scoped = 0;
  for (const auto& module : rules::all_modules()) {
    const std::string_view connector = module->check_connector();
    if (connector.empty()) continue;
    ++scoped;
    const rules::connectors::ConnectorRow* row = rules::connectors::find_by_member(connector);
    ASSERT_NE(row, nullptr) << module->rules().front()->id << " names " << connector;
    EXPECT_EQ(row->member, connector) << module->rules().front()->id;
  }
  EXPECT_GE(scoped, 13);
}

}  // namespace
}  // namespace appflow_lint::testing
