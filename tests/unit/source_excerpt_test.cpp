#include "appflow_lint/format/source_excerpt.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace appflow_lint::format {
namespace {

TEST(SourceExcerpt, UnderlinesTheRangeInCodePoints) {
  const Excerpt excerpt = make_excerpt(R"({"a": "héllo", "b": 1})", {{1, 17}, {1, 20}}, {});
  EXPECT_EQ(excerpt.source, R"({"a": "héllo", "b": 1})");
  EXPECT_EQ(excerpt.carets, "                ^^^");
}

TEST(SourceExcerpt, KeepsTabsSoCaretsLineUp) {
  const Excerpt excerpt = make_excerpt("\t\"k\": 1", {{1, 2}, {1, 5}}, {});
  EXPECT_EQ(excerpt.carets, "\t^^^");
}

TEST(SourceExcerpt, MasksRedactedValuesOnTheQuotedLine) {
  const std::string line = R"({"accessToken": "s3cr3t", "x": 1})";
  const Excerpt excerpt = make_excerpt(line, {{1, 28}, {1, 31}}, {{{1, 17}, {1, 25}}});
  EXPECT_EQ(excerpt.source, R"({"accessToken": ********, "x": 1})");
  EXPECT_EQ(excerpt.source.find("s3cr3t"), std::string::npos);
}

TEST(SourceExcerpt, RedactionSpanningLinesMasksOnlyItsPartOfThisLine) {
  const std::string text = std::string(29, ' ') + "\"m\": {\n  \"k\": {\"k\": \"v\"},\n}";
  const Excerpt excerpt = make_excerpt(text, {{2, 3}, {2, 6}}, {{{1, 35}, {2, 18}}});
  EXPECT_EQ(excerpt.source, R"(*****************,)");  // the map ends in column 17
}

TEST(SourceExcerpt, CutsLongLinesToAWindowAroundTheRange) {
  const std::string line = std::string(500, 'x') + "BAD" + std::string(500, 'y');
  const Excerpt excerpt = make_excerpt(line, {{1, 501}, {1, 504}}, {});
  EXPECT_EQ(excerpt.source.substr(0, 3), "…");
  EXPECT_NE(excerpt.source.find("BAD"), std::string::npos);
  EXPECT_LT(excerpt.source.size(), 200U);
  EXPECT_EQ(excerpt.carets, std::string(61, ' ') + "^^^");
}

TEST(SourceExcerpt, RangeAtEndOfInputGetsACaretPastTheText) {
  const Excerpt excerpt = make_excerpt(R"({"a": )", {{1, 7}, {1, 7}}, {});
  EXPECT_EQ(excerpt.carets, "      ^");
}

// Columns count a stray continuation byte as one code point; so must the mask, or
// each such byte shifts it by one and another window of the secret shows.
TEST(SourceExcerpt, StrayContinuationBytesDoNotShiftTheMask) {
  const std::string text = "{\"n\": \"\x92\x92\x92\", \"password\": \"SECRETVALUE\"}";
  // "SECRETVALUE" with its quotes: columns 26..38 (each \x92 is one column).
  const Excerpt excerpt = make_excerpt(text, {{1, 2}, {1, 5}}, {{{1, 26}, {1, 39}}});
  EXPECT_EQ(excerpt.source.find("SECRET"), std::string::npos);
  EXPECT_EQ(excerpt.source.find("VALUE"), std::string::npos);
  EXPECT_NE(excerpt.source.find("*************}"), std::string::npos);
}

TEST(SourceExcerpt, NeverPrintsControlCharactersOrInvalidBytes) {
  const std::string text = std::string("{\"a\x1b[31m\": 1, \"b\": \"\xff\x00\xe2\x80\xae\"}", 26);
  const Excerpt excerpt = make_excerpt(text, {{1, 1}, {1, 2}}, {});
  EXPECT_EQ(excerpt.source.find('\x1b'), std::string::npos);
  EXPECT_EQ(excerpt.source.find('\0'), std::string::npos);
  EXPECT_EQ(excerpt.source.find("\xe2\x80\xae"), std::string::npos);  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(excerpt.source.find('\xff'), std::string::npos);
  EXPECT_NE(excerpt.source.find("\xEF\xBF\xBD[31m"), std::string::npos);  // one U+FFFD per code point
}

// The window is found from the range, not by walking the line: many diagnostics on one
// long line cost in proportion to their number, not to the line's length each.
TEST(SourceExcerpt, ManyExcerptsOfOneLongLineShareOneWalk) {
  std::string line = "{";
  for (int i = 0; i < 20000; ++i) line += "\"k" + std::to_string(i) + "\": 1, ";
  line += "\"end\": 1}";
  const source_map::LineIndex lines(line);
  const std::vector<Range> none;
  const ExcerptMaker maker(lines, none);
  std::size_t shown = 0;
  for (std::uint32_t column = 2; column < line.size(); column += 97) {
    const Excerpt excerpt = maker.make({{1, column}, {1, column + 3}});
    EXPECT_LE(excerpt.carets.size(), 170U);
    shown += excerpt.source.size();
  }
  EXPECT_GT(shown, 0U);
}

}  // namespace
}  // namespace appflow_lint::format
