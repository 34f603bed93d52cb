// ByteSet's searches take eight bytes a step before they go byte by byte: they must
// find what std::string_view's find_first_of and find_first_not_of find, from every
// start, on strings long enough to reach several steps.
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
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const std::size_t length = random() % 40;
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
