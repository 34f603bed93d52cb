// The schema engine on a small hand-written schema: each keyword's classification,
// pointer and message, including keywords the real schemas never trigger
// (minProperties: every model map has min 0).
#include "appflow_lint/schema_engine/schema_validator.hpp"

#include <gtest/gtest.h>

#include "appflow_lint/schema_engine/name_suggestions.hpp"
#include "appflow_lint/schema_engine/pattern_messages.hpp"

namespace appflow_lint::schema_engine {
namespace {

constexpr const char* kSchema = R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["name"],
  "additionalProperties": false,
  "properties": {
    "name": {"type": "string", "maxLength": 4, "pattern": "^(?:[\\w/!@#+=.-]+)$", "x-aws-pattern": "[\\w/!@#+=.-]+"},
    "mode": {"type": "string", "enum": ["Public", "Private"]},
    "port": {"type": "integer", "minimum": 1, "maximum": 65535},
    "flag": {"type": "boolean"},
    "label": {"type": "string", "maxLength": 4},
    "secret": {"type": "string", "pattern": "^(?:\\S+)$", "x-aws-pattern": "\\S+", "x-appflow-sensitive": true},
    "map": {"type": "object", "minProperties": 1, "maxProperties": 2,
            "propertyNames": {"type": "string", "maxLength": 3, "pattern": "^(?:[\\w]+)$", "x-aws-pattern": "[\\w]+"},
            "additionalProperties": {"type": "string"}},
    "secretMap": {"type": "object",
            "propertyNames": {"type": "string", "pattern": "^(?:[\\w]+)$", "x-aws-pattern": "[\\w]+", "x-appflow-sensitive": true},
            "additionalProperties": {"type": "string", "x-appflow-sensitive": true}}
  }
})";

struct Found {
  std::string rule;
  std::string pointer;
  std::string message;
  Anchor anchor;
};

std::vector<Found> validate(const std::string& document) {
  const SchemaValidator validator(kSchema, "UpdateConnectorProfile", {}, "");
  Reporter reporter;
  validator.validate(nlohmann::json::parse(document), reporter);
  std::vector<Found> found;
  for (const auto& d : reporter.diagnostics())
    found.push_back({std::string(d.rule->id), d.pointer, d.message, d.anchor});
  return found;
}

TEST(SchemaEngine, ValidDocumentReportsNothing) {
  EXPECT_TRUE(validate(R"({"name": "ab", "mode": "Public", "port": 443, "map": {"k": "v"}})").empty());
}

TEST(SchemaEngine, MissingRequiredMemberPointsAtTheObject) {
  const auto found = validate(R"({"mode": "Public"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.required");
  EXPECT_EQ(found[0].pointer, "");
  EXPECT_EQ(found[0].message, "the request is missing the required member 'name'");
}

TEST(SchemaEngine, UnknownMemberPointsAtItsKeyAndSuggestsTheCaseFix) {
  const auto found = validate(R"({"name": "a", "Mode": "Public"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.unknown-property");
  EXPECT_EQ(found[0].pointer, "/Mode");
  EXPECT_EQ(found[0].anchor, Anchor::Key);
  EXPECT_EQ(found[0].message, "the request has no member 'Mode'; did you mean 'mode'? (names are case-sensitive)");
}

TEST(SchemaEngine, AMisspellingIsNotCalledACaseFault) {
  const auto found = validate(R"({"name": "a", "modes": "Public"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].message, "the request has no member 'modes'; did you mean 'mode'?");
}

// Renaming the stray would repeat 'mode': the message says it is there, and to remove the stray.
TEST(SchemaEngine, NoRenameOntoAMemberThatIsThere) {
  const auto found = validate(R"({"name": "a", "mode": "Public", "Mode": "Public"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].pointer, "/Mode");
  EXPECT_EQ(found[0].message, "the request has no member 'Mode'; 'mode' is already there, so this one is a stray");
}

TEST(SchemaEngine, NullIsATypeError) {
  const auto found = validate(R"({"name": null})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.type");
  EXPECT_EQ(found[0].pointer, "/name");
  EXPECT_EQ(found[0].message, "name must be a string, not null (AWS SDKs reject null: leave the member out)");
}

TEST(SchemaEngine, LengthAndPatternFaultsAreBothReported) {
  const auto found = validate(R"({"name": "a b c"})");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].rule, "schema.max-length");
  EXPECT_EQ(found[0].message, "name must be at most 4 characters long; it has 5");
  EXPECT_EQ(found[1].rule, "schema.pattern");
  EXPECT_EQ(found[1].message,
            "name must match [\\w/!@#+=.-]+ (letters, digits and _/!@#+=.- only); found a space at character 2");
}

TEST(SchemaEngine, LengthCountsCodePointsNotBytes) {
  EXPECT_TRUE(validate(R"({"name": "a", "label": "éééé"})").empty());
  const auto found = validate(R"({"name": "a", "label": "ééééé"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.max-length");
}

TEST(SchemaEngine, EnumIsCaseSensitive) {
  const auto found = validate(R"({"name": "a", "mode": "public"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.enum");
  EXPECT_EQ(found[0].message, "mode must be one of Public, Private; found \"public\"");
}

TEST(SchemaEngine, NumbersOutOfRangeAndNonIntegers) {
  auto found = validate(R"({"name": "a", "port": 0})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.minimum");
  found = validate(R"({"name": "a", "port": 65536})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.maximum");
  found = validate(R"({"name": "a", "port": 1.5})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.type");
}

TEST(SchemaEngine, MapSizeAndKeyFaults) {
  auto found = validate(R"({"name": "a", "map": {}})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.min-properties");
  EXPECT_EQ(found[0].pointer, "/map");
  found = validate(R"({"name": "a", "map": {"a": "1", "b": "2", "c": "3"}})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.max-properties");
  found = validate(R"({"name": "a", "map": {"bad key": "1"}})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.property-name");
  EXPECT_EQ(found[0].pointer, "/map/bad key");
  EXPECT_EQ(found[0].anchor, Anchor::Key);
  EXPECT_NE(found[0].message.find("key 'bad key' of map must be at most 3 characters long"), std::string::npos);
}

TEST(SchemaEngine, SensitiveValuesAndKeysAreNotQuoted) {
  auto found = validate(R"({"name": "a", "secret": "hunter2 x"})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.pattern");
  EXPECT_EQ(found[0].message.find("hunter2"), std::string::npos);
  EXPECT_NE(found[0].message.find("character 8"), std::string::npos);
  found = validate(R"({"name": "a", "secretMap": {"hunter2 key": "v"}})");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, "schema.property-name");
  EXPECT_EQ(found[0].message.find("hunter2"), std::string::npos);
}

TEST(NameSuggestions, CaseFirstThenNearest) {
  EXPECT_EQ(closest_name("salesforce", {"Salesforce", "Slack"}), "Salesforce");
  EXPECT_EQ(closest_name("oauthRequest", {"oAuthRequest", "refreshToken"}), "oAuthRequest");
  EXPECT_EQ(closest_name("instanceUrll", {"instanceUrl", "isSandboxEnvironment"}), "instanceUrl");
  EXPECT_EQ(closest_name("zzz", {"instanceUrl"}), std::nullopt);
}

TEST(PatternMessages, OffersUnderscoreFixOnlyWhenItMatches) {
  const StringMatcher matcher("^(?:[\\w/!@#+=.-]+)$");
  ASSERT_TRUE(matcher.uses_class_table());
  const PatternFault fault = explain_pattern_fault("[\\w/!@#+=.-]+", matcher, "my profile", false);
  EXPECT_EQ(fault.explanation, "(letters, digits and _/!@#+=.- only); found a space at character 3");
  EXPECT_EQ(fault.fixed_value, "my_profile");
  // \w is ASCII: a letter with an accent is one disallowed character (of two bytes).
  const PatternFault accented = explain_pattern_fault("[\\w/!@#+=.-]+", matcher, "caf\xC3\xA9-1", false);
  EXPECT_EQ(accented.explanation, "(letters, digits and _/!@#+=.- only); found '\xC3\xA9' at character 4");
  EXPECT_EQ(accented.fixed_value, "caf_-1");
  const PatternFault hidden = explain_pattern_fault("[\\w/!@#+=.-]+", matcher, "my profile", true);
  EXPECT_EQ(hidden.fixed_value, std::nullopt);
  EXPECT_EQ(hidden.explanation.find("space"), std::string::npos);
}

}  // namespace
}  // namespace appflow_lint::schema_engine
