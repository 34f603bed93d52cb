#include "appflow_lint/source_map/line_index.hpp"

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace appflow_lint {
// Readable failures ("2:8" rather than bytes); static, so no other test can clash.
static void PrintTo(const Position& position, std::ostream* out) { *out << position.line << ':' << position.column; }
static void PrintTo(const Range& range, std::ostream* out) {
  PrintTo(range.start, out);
  *out << '-';
  PrintTo(range.end, out);
}
}  // namespace appflow_lint

namespace {

using appflow_lint::Position;
using appflow_lint::Range;
using appflow_lint::source_map::LineIndex;

// Offsets below are written out by hand next to each text.

TEST(LineIndex, EmptyText) {
  const LineIndex index("");
  EXPECT_EQ(index.line_count(), 1U);
  EXPECT_EQ(index.position(0), (Position{1, 1}));
  EXPECT_EQ(index.position(5), (Position{1, 1}));
  EXPECT_EQ(index.line_text(1), "");
  EXPECT_EQ(index.line_start(1), 0U);
}

TEST(LineIndex, MultiLineLf) {
  // '{'0 '\n'1 | ' '2 ' '3 '"'4 'a'5 '"'6 ':'7 ' '8 '1'9 ','10 '\n'11 |
  // ' '12 ' '13 '"'14 'b'15 '"'16 ':'17 ' '18 '['19 "true"20-23 ']'24 '\n'25 | '}'26
  const std::string text = "{\n  \"a\": 1,\n  \"b\": [true]\n}";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4U);
  EXPECT_EQ(index.position(0), (Position{1, 1}));
  EXPECT_EQ(index.position(1), (Position{1, 2}));  // the line break itself
  EXPECT_EQ(index.position(2), (Position{2, 1}));
  EXPECT_EQ(index.position(4), (Position{2, 3}));
  EXPECT_EQ(index.position(9), (Position{2, 8}));
  EXPECT_EQ(index.position(19), (Position{3, 8}));
  EXPECT_EQ(index.position(26), (Position{4, 1}));
  EXPECT_EQ(index.position(27), (Position{4, 2}));  // end of text: just past the last char
  EXPECT_EQ(index.line_text(1), "{");
  EXPECT_EQ(index.line_text(2), "  \"a\": 1,");
  EXPECT_EQ(index.line_text(3), "  \"b\": [true]");
  EXPECT_EQ(index.line_text(4), "}");
  EXPECT_EQ(index.line_start(1), 0U);
  EXPECT_EQ(index.line_start(2), 2U);
  EXPECT_EQ(index.line_start(3), 12U);
  EXPECT_EQ(index.line_start(4), 26U);
}

TEST(LineIndex, OffsetsPastTheEndAreClamped) {
  const LineIndex index("ab\ncd");
  EXPECT_EQ(index.position(5), (Position{2, 3}));
  EXPECT_EQ(index.position(6), (Position{2, 3}));
  EXPECT_EQ(index.position(static_cast<std::size_t>(-1)), (Position{2, 3}));
}

TEST(LineIndex, OutOfRangeLines) {
  const LineIndex index("ab\ncd");
  EXPECT_EQ(index.line_text(0), "");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_start(0), 5U);
  EXPECT_EQ(index.line_start(3), 5U);
}

TEST(LineIndex, Minified) {
  const std::string text = R"({"a":{"b":[1,2]},"c":"d"})";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 1U);
  EXPECT_EQ(index.position(17), (Position{1, 18}));
  EXPECT_EQ(index.position(text.size()), (Position{1, 26}));
  EXPECT_EQ(index.line_text(1), text);
}

TEST(LineIndex, CrLfIsOneBreak) {
  // '{'0 '\r'1 '\n'2 | '"'3 'a'4 '"'5 ':'6 '1'7 '\r'8 '\n'9 | '}'10
  const std::string text = "{\r\n\"a\":1\r\n}";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3U);
  EXPECT_EQ(index.position(3), (Position{2, 1}));
  EXPECT_EQ(index.position(7), (Position{2, 5}));
  EXPECT_EQ(index.position(10), (Position{3, 1}));
  EXPECT_EQ(index.line_text(1), "{");
  EXPECT_EQ(index.line_text(2), "\"a\":1");
  EXPECT_EQ(index.line_text(3), "}");
  EXPECT_EQ(index.line_start(2), 3U);
  EXPECT_EQ(index.line_start(3), 10U);
}

TEST(LineIndex, LoneCrIsABreak) {
  // 'a'0 '\r'1 | 'b'2 '\r'3 | '\r'4 | 'c'5
  const std::string text = "a\rb\r\rc";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4U);
  EXPECT_EQ(index.position(2), (Position{2, 1}));
  EXPECT_EQ(index.position(4), (Position{3, 1}));
  EXPECT_EQ(index.position(5), (Position{4, 1}));
  EXPECT_EQ(index.line_text(2), "b");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_text(4), "c");
}

TEST(LineIndex, LfThenCrAreTwoBreaks) {
  // 'a'0 '\n'1 | '\r'2 | 'b'3
  const LineIndex index("a\n\rb");
  EXPECT_EQ(index.line_count(), 3U);
  EXPECT_EQ(index.position(3), (Position{3, 1}));
  EXPECT_EQ(index.line_text(2), "");
}

TEST(LineIndex, TrailingLineBreakStartsAnEmptyLine) {
  const LineIndex index("{}\n");
  EXPECT_EQ(index.line_count(), 2U);
  EXPECT_EQ(index.position(3), (Position{2, 1}));
  EXPECT_EQ(index.line_text(1), "{}");
  EXPECT_EQ(index.line_text(2), "");
}

TEST(LineIndex, TabCountsAsOneColumn) {
  // '{'0 '\n'1 | '\t'2 '"'3 'k'4 '"'5 ':'6 ' '7 '"'8
  const LineIndex index("{\n\t\"k\": \"v\"\n}");
  EXPECT_EQ(index.position(3), (Position{2, 2}));
  EXPECT_EQ(index.position(8), (Position{2, 7}));
}

TEST(LineIndex, NonAsciiCountsCodePoints) {
  // '{'0 '"'1 "name"2-5 '"'6 ':'7 ' '8 '"'9 'h'10 'é'11-12 "llo"13-15 '"'16 ','17 ' '18 '"'19
  const std::string text = "{\"name\": \"h\xC3\xA9llo\", \"next\": 1}";
  const LineIndex index(text);
  EXPECT_EQ(index.position(10), (Position{1, 11}));
  EXPECT_EQ(index.position(13), (Position{1, 13}));  // after 'é', one column on
  EXPECT_EQ(index.position(19), (Position{1, 19}));  // the key "next"
}

TEST(LineIndex, ThreeAndFourByteSequences) {
  // '€' E2 82 AC 0-2, '😀' F0 9F 98 80 3-6, 'x' 7
  const LineIndex index("\xE2\x82\xAC\xF0\x9F\x98\x80x");
  EXPECT_EQ(index.position(3), (Position{1, 2}));
  EXPECT_EQ(index.position(7), (Position{1, 3}));
  EXPECT_EQ(index.position(8), (Position{1, 4}));
}

TEST(LineIndex, InvalidBytesCountOneEach) {
  EXPECT_EQ(LineIndex("\xFF\xFE a").position(3), (Position{1, 4}));
  EXPECT_EQ(LineIndex("\x80\x80x").position(2), (Position{1, 3}));  // stray continuations
  EXPECT_EQ(LineIndex("\xC3x").position(2), (Position{1, 3}));      // truncated sequence
  EXPECT_EQ(LineIndex("\xE2\x82x").position(3), (Position{1, 3}));  // truncated sequence
}

TEST(LineIndex, ByteOrderMarkIsNotAColumn) {
  // BOM 0-2 | '{'3 '"'4 'a'5 '"'6 ':'7 '1'8 '}'9
  const std::string text = "\xEF\xBB\xBF{\"a\":1}";
  const LineIndex index(text);
  EXPECT_EQ(index.position(0), (Position{1, 1}));
  EXPECT_EQ(index.position(2), (Position{1, 1}));
  EXPECT_EQ(index.position(3), (Position{1, 1}));
  EXPECT_EQ(index.position(8), (Position{1, 6}));
  EXPECT_EQ(index.line_text(1), "{\"a\":1}");
  EXPECT_EQ(index.line_start(1), 3U);
}

TEST(LineIndex, ByteOrderMarkOnlyCountsAtTheStart) {
  const std::string text = "\xEF\xBB\xBF{\n\xEF\xBB\xBF}";
  const LineIndex index(text);
  EXPECT_EQ(index.position(5), (Position{2, 1}));
  EXPECT_EQ(index.position(8), (Position{2, 2}));  // U+FEFF mid-text is a character
}

TEST(LineIndex, Range) {
  const std::string text = "{\n  \"a\": 1,\n  \"b\": [true]\n}";
  const LineIndex index(text);
  EXPECT_EQ(index.range(4, 7), (Range{{2, 3}, {2, 6}}));
  EXPECT_EQ(index.range(0, text.size()), (Range{{1, 1}, {4, 2}}));
  EXPECT_EQ(index.range(19, 25), (Range{{3, 8}, {3, 14}}));
  EXPECT_EQ(index.range(9, 9), (Range{{2, 8}, {2, 8}}));
  EXPECT_EQ(index.range(9, 4), (Range{{2, 8}, {2, 8}}));  // reversed: empty at begin
}

// The index against a position worked out from scratch for every offset of random
// text: long ASCII runs (eight bytes are tested at once), multi-byte and invalid
// sequences, and every kind of line break, with and without a byte-order mark.
struct Reference {
  std::vector<std::size_t> line_starts;

  explicit Reference(std::string_view text) {
    line_starts.push_back(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    for (std::size_t i = line_starts.front(); i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (text[i] == '\n' || text[i] == '\r') line_starts.push_back(i + 1);
    }
  }

  Position at(std::string_view text, std::size_t offset) const {
    offset = std::clamp(offset, line_starts.front(), text.size());
    std::size_t line = 0;
    while (line + 1 < line_starts.size() && line_starts[line + 1] <= offset) ++line;
    const std::string_view before = text.substr(line_starts[line], offset - line_starts[line]);
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < before.size(); i = appflow_lint::source_map::code_point_end(before, i)) ++column;
    return Position{static_cast<std::uint32_t>(line + 1), column};
  }
};

TEST(LineIndex, AgreesWithAPositionWorkedOutFromScratch) {
  const std::vector<std::string> pieces{
      "a",    "{\"key\": 1}", std::string(21, 'x'), "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
      "\x80", "\xFF",         "\xE2\x82",           "\n",       "\r\n",         "\r"};
  std::mt19937 random(20261204);
  for (int round = 0; round < 2000; ++round) {
    std::string text = round % 5 == 0 ? "\xEF\xBB\xBF" : "";
    const int count = static_cast<int>(random() % 40);
    // Some texts have no '\r' at all, as most do.
    const std::size_t choices = round % 2 == 0 ? pieces.size() - 2 : pieces.size();
    for (int i = 0; i < count; ++i) text += pieces[random() % choices];
    const Reference reference(text);
    const LineIndex in_order(text);
    for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) {
      ASSERT_EQ(in_order.position(offset), reference.at(text, offset)) << "offset " << offset << " of round " << round;
    }
    const LineIndex out_of_order(text);
    for (int i = 0; i < 20 && !text.empty(); ++i) {
      const std::size_t offset = random() % (text.size() + 1);
      ASSERT_EQ(out_of_order.position(offset), reference.at(text, offset))
          << "offset " << offset << " of round " << round;
    }
  }
}

}  // namespace
