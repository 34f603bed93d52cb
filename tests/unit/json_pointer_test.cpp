#include "appflow_lint/json_pointer/json_pointer.hpp"

#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/document/tree.hpp"

namespace jp = appflow_lint::json_pointer;

namespace {

using Tokens = std::vector<std::string>;

TEST(JsonPointerEscape, LeavesPlainTokensAlone) {
  EXPECT_EQ(jp::escape_token("connectorProfileName"), "connectorProfileName");
  EXPECT_EQ(jp::escape_token(""), "");
}

TEST(JsonPointerEscape, EscapesTildeAndSlash) {
  EXPECT_EQ(jp::escape_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(jp::escape_token("~1"), "~01");
  EXPECT_EQ(jp::escape_token("/~"), "~1~0");
  EXPECT_EQ(jp::escape_token("//"), "~1~1");
}

TEST(JsonPointerChild, AppendsEscapedName) {
  EXPECT_EQ(jp::child("", "a"), "/a");
  EXPECT_EQ(jp::child("/a", "b/c"), "/a/b~1c");
  EXPECT_EQ(jp::child("/a", "m~n"), "/a/m~0n");
  EXPECT_EQ(jp::child("", ""), "/");
  EXPECT_EQ(jp::child("/", ""), "//");
  EXPECT_EQ(jp::child("", "h\xC3\xA9"), "/h\xC3\xA9");
}

TEST(JsonPointerChild, AppendsIndex) {
  EXPECT_EQ(jp::child("", std::size_t{0}), "/0");
  EXPECT_EQ(jp::child("/items", std::size_t{12}), "/items/12");
}

TEST(JsonPointerSplit, RootHasNoTokens) { EXPECT_EQ(jp::split(""), Tokens{}); }

TEST(JsonPointerSplit, SplitsAndUnescapes) {
  EXPECT_EQ(jp::split("/a~1b/0"), (Tokens{"a/b", "0"}));
  EXPECT_EQ(jp::split("/m~0n"), (Tokens{"m~n"}));
  EXPECT_EQ(jp::split("/a/b/c"), (Tokens{"a", "b", "c"}));
}

TEST(JsonPointerSplit, DecodesTildeZeroBeforeOne) {
  // RFC 6901 section 4: "~01" is "~1", not "/".
  EXPECT_EQ(jp::split("/~01"), (Tokens{"~1"}));
  EXPECT_EQ(jp::split("/~10"), (Tokens{"/0"}));
  EXPECT_EQ(jp::split("/~0~1~0"), (Tokens{"~/~"}));
}

TEST(JsonPointerSplit, EmptyTokens) {
  EXPECT_EQ(jp::split("/"), (Tokens{""}));
  EXPECT_EQ(jp::split("//"), (Tokens{"", ""}));
  EXPECT_EQ(jp::split("/a/"), (Tokens{"a", ""}));
}

TEST(JsonPointerSplit, KeepsMalformedEscapesVerbatim) {
  EXPECT_EQ(jp::split("/~"), (Tokens{"~"}));
  EXPECT_EQ(jp::split("/a~2b"), (Tokens{"a~2b"}));
  EXPECT_EQ(jp::split("/~~1"), (Tokens{"~/"}));
}

TEST(JsonPointerSplit, MissingLeadingSlashKeepsFirstToken) { EXPECT_EQ(jp::split("a/b"), (Tokens{"a", "b"})); }

TEST(JsonPointerSplit, RoundTripsChild) {
  const Tokens tokens{"a/b", "~", "", "0", "~01", "x y", "\xE2\x82\xAC"};
  std::string pointer;
  for (const auto& token : tokens) pointer = jp::child(pointer, token);
  EXPECT_EQ(pointer, "/a~1b/~0//0/~001/x y/\xE2\x82\xAC");
  EXPECT_EQ(jp::split(pointer), tokens);
}

TEST(JsonPointerTokenReader, GivesEachTokenWithItsParentAndItsWrittenForm) {
  jp::TokenReader reader("/a~1b/0/~01");
  std::vector<std::tuple<std::string, std::string, std::string>> seen;  // token, before, escaped
  while (const auto token = reader.next()) {
    seen.emplace_back(std::string(*token), std::string(reader.before()), std::string(reader.escaped()));
  }
  using Seen = std::tuple<std::string, std::string, std::string>;
  EXPECT_EQ(seen, (std::vector<Seen>{{"a/b", "", "a~1b"}, {"0", "/a~1b", "0"}, {"~1", "/a~1b/0", "~01"}}));
  EXPECT_FALSE(reader.next().has_value());  // and stays done
}

TEST(JsonPointerTokenReader, RootHasNoTokensAndSlashHasOneEmptyToken) {
  EXPECT_FALSE(jp::TokenReader("").next().has_value());
  jp::TokenReader slash("/");
  const auto token = slash.next();
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(*token, "");
  EXPECT_EQ(slash.before(), "");
  EXPECT_FALSE(slash.next().has_value());
}

// A document's node by pointer, through the token reader: escapes, indices, and the
// pointers that name nothing.
TEST(DocumentLocate, FollowsMembersAndElements) {
  const nlohmann::json value = nlohmann::json::parse(R"({"a/b": {"m~n": [10, {"": 20}]}, "k": 1})");
  appflow_lint::document::Tree tree;
  appflow_lint::document::build_from_json(value, tree);
  const auto& root = tree.root();
  const auto at = appflow_lint::document::locate(root, "/a~1b/m~0n/1/");
  ASSERT_NE(at.node, nullptr);
  EXPECT_EQ(at.node->integer(), 20);
  ASSERT_NE(at.member, nullptr);
  EXPECT_EQ(at.member->key, "");
  const auto element = appflow_lint::document::locate(root, "/a~1b/m~0n/0");
  ASSERT_NE(element.node, nullptr);
  EXPECT_EQ(element.node->integer(), 10);
  EXPECT_EQ(element.member, nullptr);  // an element is no member
  EXPECT_EQ(appflow_lint::document::locate(root, "").node, &root);
  EXPECT_EQ(appflow_lint::document::find_pointer(root, "/a~1b/m~0n/00")->integer(), 10);  // as before: digits
  for (const char* nothing : {"k", "/a/b", "/a~1b/m~0n/2", "/a~1b/m~0n/-1", "/a~1b/m~0n/x", "/a~1b/m~0n/+1",
                              "/a~1b/m~0n/", "/k/0", "/missing"}) {
    EXPECT_EQ(appflow_lint::document::locate(root, nothing).node, nullptr) << nothing;
  }
}

TEST(JsonPointerLastToken, ReturnsUnescapedLastToken) {
  EXPECT_EQ(jp::last_token(""), "");
  EXPECT_EQ(jp::last_token("/a"), "a");
  EXPECT_EQ(jp::last_token("/a/b~1c"), "b/c");
  EXPECT_EQ(jp::last_token("/a/~01"), "~1");
  EXPECT_EQ(jp::last_token("/a/"), "");
  EXPECT_EQ(jp::last_token("/items/3"), "3");
}

TEST(JsonPointerParent, DropsLastToken) {
  EXPECT_EQ(jp::parent(""), "");
  EXPECT_EQ(jp::parent("/a"), "");
  EXPECT_EQ(jp::parent("/"), "");
  EXPECT_EQ(jp::parent("/a/b"), "/a");
  EXPECT_EQ(jp::parent("/a~1b/c~1d"), "/a~1b");
  EXPECT_EQ(jp::parent("/a/b/0"), "/a/b");
  EXPECT_EQ(jp::parent("//"), "/");
}

}  // namespace
