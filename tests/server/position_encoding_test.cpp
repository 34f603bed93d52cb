// LSP positions against byte offsets in the three encodings, on text where they differ.
#include "server/position_encoding.hpp"

#include <gtest/gtest.h>

namespace appflow_lint::server {
namespace {

// "é" is 2 bytes / 1 UTF-16 unit; "😀" 4 bytes / 2 units / 1 code point.
constexpr std::string_view kText = "{\"a\": \"é😀x\",\r\n \"b\": 1}\n";

TEST(PositionEncoding, NegotiatesTheClientsFirstSupportedEncoding) {
  EXPECT_EQ(negotiate_encoding(nlohmann::json::array({"utf-32", "utf-8"})), PositionEncoding::Utf32);
  EXPECT_EQ(negotiate_encoding(nlohmann::json::array({"latin-1", "utf-8"})), PositionEncoding::Utf8);
  EXPECT_EQ(negotiate_encoding(nlohmann::json::array({"latin-1"})), PositionEncoding::Utf16);
  EXPECT_EQ(negotiate_encoding(nullptr), PositionEncoding::Utf16);
}

TEST(PositionEncoding, CountsColumnsInTheNegotiatedUnits) {
  const std::size_t x = kText.find('x');
  EXPECT_EQ(PositionMap(kText, PositionEncoding::Utf8).from_offset(x).character, x);
  EXPECT_EQ(PositionMap(kText, PositionEncoding::Utf16).from_offset(x).character, 10U);
  EXPECT_EQ(PositionMap(kText, PositionEncoding::Utf32).from_offset(x).character, 9U);
  for (const auto encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    const PositionMap map(kText, encoding);
    for (std::size_t offset = 0; offset <= kText.size(); ++offset) {
      // Every character boundary survives the round trip.
      const bool boundary = offset == kText.size() || (static_cast<unsigned char>(kText[offset]) & 0xC0U) != 0x80U;
      const bool inside_crlf =
          offset > 0 && offset < kText.size() && kText[offset] == '\n' && kText[offset - 1] == '\r';
      if (boundary && !inside_crlf) {
        EXPECT_EQ(map.to_offset(map.from_offset(offset)), offset) << offset;
      }
    }
  }
}

TEST(PositionEncoding, CrlfIsOneBreak) {
  const PositionMap map(kText, PositionEncoding::Utf16);
  const std::size_t b = kText.find("\"b\"");
  EXPECT_EQ(map.from_offset(b).line, 1U);
  EXPECT_EQ(map.from_offset(b).character, 1U);
  EXPECT_EQ(map.to_offset({1, 1}), b);
}

TEST(PositionEncoding, ClampsPastTheLineAndInsideACharacter) {
  const PositionMap map(kText, PositionEncoding::Utf16);
  const std::size_t line_end = kText.find('\r');
  EXPECT_EQ(map.to_offset({0, 500}), line_end);
  // Character 9 is the second half of the surrogate pair: the emoji's start.
  EXPECT_EQ(map.to_offset({0, 9}), kText.find("😀"));
  EXPECT_EQ(map.to_offset({7, 0}), kText.size());
}

TEST(PositionEncoding, LibraryPositionsCountCodePoints) {
  const PositionMap map(kText, PositionEncoding::Utf16);
  // The library's 1-based code-point column 10 is the x.
  EXPECT_EQ(map.from_library(Position{1, 10}).character, 10U);
  EXPECT_EQ(map.from_library(Position{2, 2}).line, 1U);
}

TEST(PositionEncoding, AByteOrderMarkIsACharacterToTheClient) {
  const std::string text = "\xEF\xBB\xBF{}";
  const PositionMap map(text, PositionEncoding::Utf16);
  EXPECT_EQ(map.from_offset(3).character, 1U);
  EXPECT_EQ(map.from_library(Position{1, 1}).character, 1U);
  EXPECT_EQ(map.to_offset({0, 1}), 3U);
}

TEST(PositionEncoding, InvalidBytesAreOneUnitEach) {
  const std::string text = "\"\xFF\xFE\"";
  const PositionMap map(text, PositionEncoding::Utf16);
  EXPECT_EQ(map.from_offset(3).character, 3U);
  EXPECT_EQ(map.to_offset({0, 2}), 2U);
}

TEST(PositionEncoding, AnswersDoNotDependOnTheOrderOfQuestions) {
  // One long line (a minified document) asked about out of order, as nested ranges
  // do: each answer is the one a fresh map gives.
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 7 == 0 ? "\"😀é\"," : "\"ab\",";
  text += "\n\"x\"";
  std::vector<std::size_t> offsets;
  for (std::size_t at = 0;; at = source_map::code_point_end(text, at)) {
    offsets.push_back(at);  // every character boundary
    if (at == text.size()) break;
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < offsets.size(); ++i) order.push_back((i * 7919) % offsets.size());
  for (const auto encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    const PositionMap shared(text, encoding);
    for (const std::size_t index : order) {
      const std::size_t offset = offsets[index];
      const LspPosition asked = shared.from_offset(offset);
      const LspPosition fresh = PositionMap(text, encoding).from_offset(offset);
      EXPECT_EQ(asked.line, fresh.line) << offset;
      EXPECT_EQ(asked.character, fresh.character) << offset;
    }
    // Library positions too: column c of line 1 is the c-th character's offset.
    for (const std::size_t index : order) {
      if (offsets[index] >= text.find('\n')) continue;
      const auto column = static_cast<std::uint32_t>(index + 1);
      EXPECT_EQ(shared.library_offset(Position{1, column}), offsets[index]) << column;
    }
  }
}

TEST(PositionEncoding, RejectsMalformedPositions) {
  EXPECT_FALSE(PositionMap::parse(nlohmann::json::parse(R"({"line": -1, "character": 0})")));
  EXPECT_FALSE(PositionMap::parse(nlohmann::json::parse(R"({"line": 1})")));
  EXPECT_FALSE(PositionMap::parse(nlohmann::json::parse(R"([1, 2])")));
  ASSERT_TRUE(PositionMap::parse(nlohmann::json::parse(R"({"line": 1, "character": 2})")));
}

}  // namespace
}  // namespace appflow_lint::server
