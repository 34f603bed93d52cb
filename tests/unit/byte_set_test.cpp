// ByteSet's searches take sixteen bytes a step on long texts (SSSE3, where the CPU has
// it), then eight, then go byte by byte: they must find what std::string_view's
// find_first_of and find_first_not_of find, from every start, on strings long enough
// to reach several steps of each.
#include <random>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "appflow_lint/text/byte_set.hpp"

namespace appflow_lint::text {
namespace {

constexpr std::string_view kMembers = "/?#";
constexpr ByteSet kSet(kMembers);

TEST(ByteSet, SearchesAgreeWithStringView) {
  const std::string alphabet = std::string("ab/?#\0\x80\xff", 8);
  std::mt19937 random(11);
  int found = 0;
  int not_found = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    const std::size_t length = random() % 120;
    // Mostly non-members, so that many searches run past a step or reach the end.
    for (std::size_t j = 0; j < length; ++j) text += alphabet[random() % 8 == 0 ? 2 + random() % 3 : random() % 2];
    for (std::size_t from = 0; from <= text.size() + 1; ++from) {
      const std::size_t first = std::string_view(text).find_first_of(kMembers, from);
      ASSERT_EQ(kSet.find_first_in(text, from), first) << text << " from " << from;
      ASSERT_EQ(kSet.find_first_not_in(text, from), std::string_view(text).find_first_not_of(kMembers, from))
          << text << " from " << from;
      (first == std::string_view::npos ? not_found : found) += 1;
    }
  }
  EXPECT_GT(found, 10000);
  EXPECT_GT(not_found, 10000);
}

// The sixteen-byte step decides membership from each byte's two nibbles: every byte
// value, at every position of a text long enough for several steps, must be found
// (or passed over) exactly where the table says.
TEST(ByteSet, EveryByteAtEveryPositionOfALongText) {
  // Members in each of the eight rows of ASCII (0x09 and 0x1B below the base64url
  // alphabet), so that a byte past 0x7F sharing a low nibble with any of them is tried.
  constexpr std::string_view kMembersInEveryRow =
      "\t\x1b-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
  constexpr ByteSet kRows(kMembersInEveryRow);
  constexpr std::size_t kLength = 100;
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool member = kMembersInEveryRow.find(c) != std::string_view::npos;
    for (std::size_t at = 0; at < kLength; ++at) {
      std::string members(kLength, 'Q');
      members[at] = c;
      ASSERT_EQ(kRows.find_first_not_in(members), member ? std::string_view::npos : at) << b << " at " << at;
      std::string others(kLength, '.');
      others[at] = c;
      ASSERT_EQ(kRows.find_first_in(others), member ? at : std::string_view::npos) << b << " at " << at;
      ASSERT_EQ(kRows.find_first_in(others, at / 2), member ? at : std::string_view::npos) << b << " at " << at;
    }
  }
}

// Like string_view's, a search may start anywhere, npos included.
TEST(ByteSet, StartsPastTheEndFindNothing) {
  const std::string text(100, '/');
  for (const std::size_t from : {text.size(), text.size() + 1, std::string_view::npos - 7, std::string_view::npos}) {
    EXPECT_EQ(kSet.find_first_in(text, from), std::string_view::npos) << from;
    EXPECT_EQ(kSet.find_first_not_in(text, from), std::string_view::npos) << from;
  }
}

TEST(ByteSet, TakesATable) {
  std::array<bool, 256> admitted{};
  admitted[0x80] = true;
  admitted['z'] = true;
  const ByteSet set(admitted);
  EXPECT_TRUE(set.contains('z'));
  EXPECT_TRUE(set.contains('\x80'));
  EXPECT_FALSE(set.contains('y'));
  EXPECT_EQ(set.find_first_not_in("zz\x80zzzzzzzzzy"), 12U);
}

}  // namespace
}  // namespace appflow_lint::text
