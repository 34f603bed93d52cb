#include "server/cursor_context.hpp"

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "marked_text.hpp"

namespace {

using namespace std::string_view_literals;
using appflow_lint::server::ByteRange;
using appflow_lint::server::CursorContext;
using appflow_lint::server::CursorRole;
using appflow_lint::server::locate_cursor;
using appflow_lint::server::PathStep;
using appflow_lint::server::test::MarkedText;

using Path = std::vector<PathStep>;
using Names = std::vector<std::string>;

CursorContext at_marker(std::string_view marked) {
  const MarkedText document(marked);
  return locate_cursor(document.text, document.offset);
}

const Path kSalesforceCredentials{"connectorProfileConfig", "connectorProfileCredentials", "Salesforce"};

// A pretty-printed request, as in examples/profiles/salesforce.json.
constexpr std::string_view kPretty = R"({
  "connectorProfileName": "acme-salesforce-prod",
  "connectionMode": "Public",
  "connectorProfileConfig": {
    "connectorProfileProperties": {
      "Salesforce": {
        "instanceUrl": "https://acme-corp.my.salesforce.com",
        "isSandboxEnvironment": false
      }
    },
    "connectorProfileCredentials": {
      "Salesforce": {
        "oAuth2GrantType": "AUTHORIZATION_CODE",
        "acc@@essToken": "token-value",
        "refreshToken": "refresh-value"
      }
    }
  }
})";

TEST(CursorContext, InsideAKeyOfAPrettyDocument) {
  const MarkedText document(kPretty);
  const CursorContext context = locate_cursor(document.text, document.offset);
  EXPECT_EQ(context.role, CursorRole::MemberName);
  EXPECT_EQ(context.container_path, kSalesforceCredentials);
  EXPECT_EQ(context.member, "accessToken");
  const std::size_t key = document.text.find("\"accessToken\"");
  EXPECT_EQ(context.token, (ByteRange{key, key + 13}));
  EXPECT_TRUE(context.token_is_string);
  EXPECT_TRUE(context.colon_follows);
  // The whole object, after the cursor too, but not the key under it.
  EXPECT_EQ(context.present_members, (Names{"oAuth2GrantType", "refreshToken"}));
}

TEST(CursorContext, OnAValueNamesItsMember) {
  const CursorContext context = at_marker(R"({"connectorProfileName": "x", "connectionMode": "Pu@@blic"})");
  EXPECT_EQ(context.role, CursorRole::MemberValue);
  EXPECT_TRUE(context.container_path.empty());
  EXPECT_EQ(context.member, "connectionMode");
  EXPECT_EQ(context.token, (ByteRange{48, 56}));
  EXPECT_TRUE(context.token_is_string);
  EXPECT_EQ(context.present_members, (Names{"connectorProfileName", "connectionMode"}));
}

TEST(CursorContext, ABareWordValueAndItsEnd) {
  // Just after the last character still counts as on the token: the user is typing it.
  const CursorContext context = at_marker(R"({"a": {"isSandboxEnvironment": tr@@}})");
  EXPECT_EQ(context.role, CursorRole::MemberValue);
  EXPECT_EQ(context.container_path, (Path{"a"}));
  EXPECT_EQ(context.member, "isSandboxEnvironment");
  EXPECT_EQ(context.token, (ByteRange{31, 33}));
  EXPECT_FALSE(context.token_is_string);
}

TEST(CursorContext, AfterAColonIsAnEmptyValue) {
  const CursorContext context = at_marker("{\"connectionMode\": @@\n}");
  EXPECT_EQ(context.role, CursorRole::MemberValue);
  EXPECT_EQ(context.member, "connectionMode");
  EXPECT_EQ(context.token, (ByteRange{19, 19}));
}

TEST(CursorContext, WhereANewKeyWouldGo) {
  for (const std::string_view marked : {R"({@@})", R"({ @@ })", R"({"a": 1, @@})", R"({"a": 1,@@ "b": 2})"}) {
    SCOPED_TRACE(marked);
    const MarkedText document(marked);
    const CursorContext context = locate_cursor(document.text, document.offset);
    EXPECT_EQ(context.role, CursorRole::MemberName);
    EXPECT_TRUE(context.container_path.empty());
    EXPECT_EQ(context.member, "");
    EXPECT_EQ(context.token, (ByteRange{document.offset, document.offset}));
    EXPECT_FALSE(context.token_is_string);
  }
  EXPECT_EQ(at_marker(R"({"a": 1,@@ "b": 2})").present_members, (Names{"a", "b"}));
}

TEST(CursorContext, APartlyTypedKeyBeforeTheNextMember) {
  // An unclosed string ends at its line: the next line is still read as members.
  const MarkedText document(
      "{\n  \"connectorProfileConfig\": {\n    \"connectorProfileCredentials\": {\n      \"Salesforce\": {\n"
      "        \"acc@@\n        \"refreshToken\": \"r\"\n      }\n    }\n  }\n}\n");
  const CursorContext context = locate_cursor(document.text, document.offset);
  EXPECT_EQ(context.role, CursorRole::MemberName);
  EXPECT_EQ(context.container_path, kSalesforceCredentials);
  EXPECT_EQ(context.member, "acc");
  EXPECT_EQ(context.token, (ByteRange{document.offset - 4, document.offset}));
  EXPECT_TRUE(context.token_is_string);
  EXPECT_FALSE(context.colon_follows);
  EXPECT_EQ(context.present_members, (Names{"refreshToken"}));
}

TEST(CursorContext, AKeyTypedWithoutQuotes) {
  const CursorContext context = at_marker(R"({"connectorProfileConfig": {"connectorProfileProperties": {Sales@@}}})");
  EXPECT_EQ(context.role, CursorRole::MemberName);
  EXPECT_EQ(context.container_path, (Path{"connectorProfileConfig", "connectorProfileProperties"}));
  EXPECT_EQ(context.member, "Sales");
  EXPECT_FALSE(context.token_is_string);
  EXPECT_FALSE(context.colon_follows);
}

TEST(CursorContext, OneLineDocumentWithTheDocumentUnclosed) {
  const CursorContext context =
      at_marker(R"({"connectorProfileName": "n", "connectorProfileConfig": {"connectorProfileCredentials": {@@)");
  EXPECT_EQ(context.role, CursorRole::MemberName);
  EXPECT_EQ(context.container_path, (Path{"connectorProfileConfig", "connectorProfileCredentials"}));
  EXPECT_TRUE(context.present_members.empty());
}

TEST(CursorContext, CrlfLineEnds) {
  const MarkedText document("{\r\n  \"connectionMode\": \"Pri@@\r\n  \"connectorProfileName\": \"n\"\r\n}\r\n");
  const CursorContext context = locate_cursor(document.text, document.offset);
  EXPECT_EQ(context.role, CursorRole::MemberValue);
  EXPECT_EQ(context.member, "connectionMode");
  // The unclosed string stops before the CR.
  EXPECT_EQ(context.token, (ByteRange{document.offset - 4, document.offset}));
  EXPECT_EQ(context.present_members, (Names{"connectionMode", "connectorProfileName"}));
}

TEST(CursorContext, NonAsciiTextAndEscapedKeys) {
  // Offsets are bytes: "é" is two, "日本" six. \u0061 is 'a'; \ud83d\ude00 one code point.
  const MarkedText document(
      "{\"connectorProfileName\": \"caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC\", \"\\u0061ccess\\\"Token\": 1, "
      "\"\\ud83d\\ude00\": 2, \"x\": \"\xE6\x97\xA5@@\"}");
  const CursorContext context = locate_cursor(document.text, document.offset);
  EXPECT_EQ(context.role, CursorRole::MemberValue);
  EXPECT_EQ(context.member, "x");
  EXPECT_EQ(context.token, (ByteRange{document.offset - 4, document.offset + 1}));
  EXPECT_EQ(context.present_members, (Names{"connectorProfileName", "access\"Token", "\xF0\x9F\x98\x80", "x"}));
}

TEST(CursorContext, StartAndEndOfTheDocument) {
  const std::string text(kPretty.substr(0, kPretty.find("@@")));
  EXPECT_EQ(locate_cursor(text, 0).role, CursorRole::Other);
  const std::string whole = R"({"a": 1})";
  EXPECT_EQ(locate_cursor(whole, 0).role, CursorRole::Other);
  EXPECT_EQ(locate_cursor(whole, whole.size()).role, CursorRole::Other);
  EXPECT_EQ(locate_cursor(whole, whole.size() + 100).role, CursorRole::Other);
  EXPECT_EQ(locate_cursor("", 0).role, CursorRole::Other);
  // On the opening quote of a key and right after its closing quote.
  EXPECT_EQ(locate_cursor(whole, 1).role, CursorRole::MemberName);
  EXPECT_EQ(locate_cursor(whole, 1).token, (ByteRange{1, 4}));
  EXPECT_EQ(locate_cursor(whole, 4).token, (ByteRange{1, 4}));
  EXPECT_EQ(locate_cursor(whole, 4).member, "a");
}

TEST(CursorContext, InArrays) {
  const CursorContext element =
      at_marker(R"({"SAPOData": {"oAuthProperties": {"oAuthScopes": ["api", "re@@fresh", "x"]}}})");
  EXPECT_EQ(element.role, CursorRole::ArrayElement);
  EXPECT_EQ(element.container_path, (Path{"SAPOData", "oAuthProperties", "oAuthScopes"}));
  EXPECT_EQ(element.element_index, 1U);
  EXPECT_EQ(element.token, (ByteRange{57, 66}));

  const CursorContext empty_slot = at_marker(R"({"list": [1, 2, @@]})");
  EXPECT_EQ(empty_slot.role, CursorRole::ArrayElement);
  EXPECT_EQ(empty_slot.element_index, 2U);

  // An object inside an array: its path holds the index.
  const CursorContext nested = at_marker(R"({"list": [{"a": 1}, {"b": @@}]})");
  EXPECT_EQ(nested.role, CursorRole::MemberValue);
  EXPECT_EQ(nested.container_path, (Path{"list", std::size_t{1}}));
  EXPECT_EQ(nested.member, "b");
}

TEST(CursorContext, NowhereAMemberOrElementFits) {
  // After a value with no comma yet; a container opened where no value belongs; top level.
  EXPECT_EQ(at_marker(R"({"a": 1 @@})").role, CursorRole::Other);
  EXPECT_EQ(at_marker(R"({ {"a": @@ } })").role, CursorRole::Other);
  EXPECT_EQ(at_marker(R"("conn@@")").role, CursorRole::Other);
  EXPECT_EQ(at_marker(R"({"a" @@ })").role, CursorRole::Other);
}

TEST(CursorContext, AStrayClosingBracketClosesTheNearestOfItsKind) {
  // '}' closes the inner object and the array left open in it; "b" is back in the root.
  const CursorContext context = at_marker(R"({"a": {"x": [1, 2}, "b": @@})");
  EXPECT_EQ(context.role, CursorRole::MemberValue);
  EXPECT_TRUE(context.container_path.empty());
  EXPECT_EQ(context.member, "b");
  EXPECT_EQ(context.present_members, (Names{"a", "b"}));
  // A closer that matches nothing open is ignored.
  EXPECT_EQ(at_marker(R"({"a": 1]]], @@})").role, CursorRole::MemberName);
}

TEST(CursorContext, DeepNestingIsCappedNotFollowed) {
  std::string deep(100000, '[');
  EXPECT_EQ(locate_cursor(deep, deep.size()).role, CursorRole::Other);
  deep += std::string(100000, ']') + R"({"a": @@})";
  EXPECT_EQ(at_marker(deep).role, CursorRole::MemberValue);
  std::string deep_objects;
  for (int i = 0; i < 50000; ++i) deep_objects += R"({"a": )";
  EXPECT_EQ(locate_cursor(deep_objects, 1).role, CursorRole::MemberName);
  EXPECT_EQ(locate_cursor(deep_objects, deep_objects.size()).role, CursorRole::Other);
  // Within the cap the path is kept.
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += R"({"a": )";
  EXPECT_EQ(locate_cursor(nested, nested.size()).container_path.size(), 99U);
}

// Whatever the bytes: no crash, no hang, and a token range inside the text that holds
// the cursor whenever a role is given.
void expect_sane(std::string_view text, std::size_t offset) {
  const CursorContext context = locate_cursor(text, offset);
  ASSERT_LE(context.token.begin, context.token.end);
  ASSERT_LE(context.token.end, text.size());
  if (context.role != CursorRole::Other) {
    const std::size_t cursor = std::min(offset, text.size());  // past the end is the end
    ASSERT_LE(context.token.begin, cursor);
    ASSERT_LE(cursor, context.token.end);
  }
}

TEST(CursorContext, RandomBytesNeverBreakIt) {
  std::mt19937 random(20240601);
  // Mostly JSON's own punctuation, so that the bytes build structure, plus NUL,
  // backslashes, invalid UTF-8 and line breaks.
  constexpr std::string_view kAlphabet = "{}[]:,\"\"\\ \n\r\ta1\x00\xC3\xFF\xE6u"sv;
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string text(std::uniform_int_distribution<std::size_t>(0, 200)(random), '\0');
    for (char& c : text) c = kAlphabet[pick(random)];
    for (std::size_t offset = 0; offset <= text.size() + 1; offset += 7) expect_sane(text, offset);
  }
}

TEST(CursorContext, EveryPrefixAndOffsetOfARealDocument) {
  const MarkedText document(kPretty);
  for (std::size_t length = 0; length <= document.text.size(); length += 3) {
    const std::string_view prefix = std::string_view(document.text).substr(0, length);
    for (std::size_t offset = 0; offset <= length; offset += 5) expect_sane(prefix, offset);
  }
}

}  // namespace
