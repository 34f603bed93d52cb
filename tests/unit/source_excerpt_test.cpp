#include "appflow_lint/format/source_excerpt.hpp"

#include <gtest/gtest.h>

namespace appflow_lint::format {
namespace {

TEST(SourceExcerpt, UnderlinesTheRangeInCodePoints) {
  const Excerpt excerpt = make_excerpt(R"({"a": "héllo", "b": 1})", 1, {{1, 17}, {1, 20}}, {});
  EXPECT_EQ(excerpt.source, R"({"a": "héllo", "b": 1})");
  EXPECT_EQ(excerpt.carets, "                ^^^");
}

TEST(SourceExcerpt, KeepsTabsSoCaretsLineUp) {
  const Excerpt excerpt = make_excerpt("\t\"k\": 1", 1, {{1, 2}, {1, 5}}, {});
  EXPECT_EQ(excerpt.carets, "\t^^^");
}

TEST(SourceExcerpt, MasksRedactedValuesOnTheQuotedLine) {
  const std::string line = R"({"accessToken": "s3cr3t", "x": 1})";
  const Excerpt excerpt = make_excerpt(line, 1, {{1, 28}, {1, 31}}, {{{1, 17}, {1, 25}}});
  EXPECT_EQ(excerpt.source, R"({"accessToken": ********, "x": 1})");
  EXPECT_EQ(excerpt.source.find("s3cr3t"), std::string::npos);
}

TEST(SourceExcerpt, RedactionSpanningLinesMasksOnlyItsPartOfThisLine) {
  const Excerpt excerpt = make_excerpt(R"(  "m": {"k": "v"},)", 2, {{2, 3}, {2, 6}}, {{{1, 30}, {2, 18}}});
  EXPECT_EQ(excerpt.source, R"(*****************,)");  // the map ends in column 17
}

TEST(SourceExcerpt, CutsLongLinesToAWindowAroundTheRange) {
  const std::string line = std::string(500, 'x') + "BAD" + std::string(500, 'y');
  const Excerpt excerpt = make_excerpt(line, 1, {{1, 501}, {1, 504}}, {});
  EXPECT_EQ(excerpt.source.substr(0, 3), "…");
  EXPECT_NE(excerpt.source.find("BAD"), std::string::npos);
  EXPECT_LT(excerpt.source.size(), 200U);
  EXPECT_EQ(excerpt.carets, std::string(61, ' ') + "^^^");
}

TEST(SourceExcerpt, RangeAtEndOfInputGetsACaretPastTheText) {
  const Excerpt excerpt = make_excerpt(R"({"a": )", 1, {{1, 7}, {1, 7}}, {});
  EXPECT_EQ(excerpt.carets, "      ^");
}

}  // namespace
}  // namespace appflow_lint::format
