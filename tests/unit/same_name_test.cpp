// same_name compares names of 8 to 16 bytes as two overlapping words: it must agree
// with string_view's == for every length, and for a difference at every position.
#include <string>

#include <gtest/gtest.h>

#include "appflow_lint/text/same_name.hpp"

namespace appflow_lint::text {
namespace {

TEST(SameName, AgreesWithEqualityForADifferenceAnywhere) {
  for (std::size_t length = 0; length <= 24; ++length) {
    std::string name(length, 'a');
    for (std::size_t i = 0; i < length; ++i) name[i] = static_cast<char>('a' + i % 26);
    const std::string copy = name;
    EXPECT_TRUE(same_name(name, copy)) << length;
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = name;
      other[at] = '#';
      EXPECT_FALSE(same_name(name, other)) << "length " << length << ", different at " << at;
    }
    EXPECT_FALSE(same_name(name, name + "x")) << length;
  }
}

TEST(SameName, ViewsIntoLongerTextsCompareOnlyTheirOwnBytes) {
  // The words are read inside each view: bytes past its end must not count.
  const std::string text = "instanceUrl\"instanceUrl!";
  EXPECT_TRUE(same_name(std::string_view(text).substr(0, 11), std::string_view(text).substr(12, 11)));
  EXPECT_FALSE(same_name(std::string_view(text).substr(0, 12), std::string_view(text).substr(12, 12)));
}

static_assert(same_name("clientCredentialsArn", "clientCredentialsArn"));
static_assert(!same_name("clientSecret", "clientSecreT"));

}  // namespace
}  // namespace appflow_lint::text
