// Unit tests of the jwt family: the base64url decoder, JWT decoding, NumericDate
// formatting and the injectable clock (exercised through the linter).
#include <chrono>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "appflow_lint/lint.hpp"
#include "appflow_lint/rules/jwt/base64url.hpp"
#include "appflow_lint/rules/jwt/jwt_clock.hpp"
#include "appflow_lint/rules/jwt/jwt_token.hpp"

namespace appflow_lint::rules::jwt {
namespace {

using std::chrono::system_clock;

TEST(Base64url, DecodesRfc4648Vectors) {
  // RFC 4648 section 10, unpadded and padded.
  EXPECT_EQ(decode_base64url(""), std::string());
  EXPECT_EQ(decode_base64url("Zg"), std::string("f"));
  EXPECT_EQ(decode_base64url("Zg=="), std::string("f"));
  EXPECT_EQ(decode_base64url("Zm8"), std::string("fo"));
  EXPECT_EQ(decode_base64url("Zm8="), std::string("fo"));
  EXPECT_EQ(decode_base64url("Zm9v"), std::string("foo"));
  EXPECT_EQ(decode_base64url("Zm9vYg"), std::string("foob"));
  EXPECT_EQ(decode_base64url("Zm9vYmE"), std::string("fooba"));
  EXPECT_EQ(decode_base64url("Zm9vYmFy"), std::string("foobar"));
}

TEST(Base64url, UsesTheUrlSafeAlphabet) {
  EXPECT_EQ(decode_base64url("-_-_"), std::string("\xfb\xff\xbf", 3));
  EXPECT_EQ(decode_base64url("AP8"), std::string("\x00\xff", 2));
  EXPECT_EQ(decode_base64url("+/+/"), std::nullopt);  // standard base64, not base64url
}

TEST(Base64url, RejectsImpossibleInput) {
  EXPECT_EQ(decode_base64url("Z"), std::nullopt);      // 1 mod 4 characters
  EXPECT_EQ(decode_base64url("Zm9vY"), std::nullopt);  // 1 mod 4 characters
  EXPECT_EQ(decode_base64url("Zm 9v"), std::nullopt);  // whitespace
  EXPECT_EQ(decode_base64url("Zm=9v"), std::nullopt);  // padding inside
  EXPECT_EQ(decode_base64url("Zg="), std::nullopt);    // wrong amount of padding
  EXPECT_EQ(decode_base64url("Zg==="), std::nullopt);  // too much padding
  EXPECT_EQ(decode_base64url("Zm9v\xc3\xa9"), std::nullopt);
}

// {"alg":"RS256","typ":"JWT"} . {"sub":"integration@acme.com","exp":978307200} . signature
constexpr std::string_view kHeader = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";
constexpr std::string_view kPayload = "eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsImV4cCI6OTc4MzA3MjAwfQ";

std::string token(std::string_view header, std::string_view payload, std::string_view signature = "c2lnbmF0dXJl") {
  return std::string(header) + "." + std::string(payload) + "." + std::string(signature);
}

TEST(DecodeJwt, DecodesHeaderAndPayload) {
  const JwtDecodeResult result = decode_jwt(token(kHeader, kPayload));
  ASSERT_TRUE(result.jwt.has_value());
  EXPECT_EQ(result.jwt->header.at("alg"), "RS256");
  EXPECT_EQ(result.jwt->payload.at("exp"), 978307200);
  EXPECT_EQ(result.segments, 3U);
}

TEST(DecodeJwt, AcceptsAnEmptySignature) { EXPECT_TRUE(decode_jwt(token(kHeader, kPayload, "")).jwt.has_value()); }

TEST(DecodeJwt, NamesTheFault) {
  const JwtDecodeResult two = decode_jwt(std::string(kHeader) + "." + std::string(kPayload));
  EXPECT_FALSE(two.jwt);
  EXPECT_EQ(two.fault, JwtFault::SegmentCount);
  EXPECT_EQ(two.segments, 2U);
  EXPECT_EQ(decode_jwt(token(kHeader, kPayload) + ".x").segments, 4U);
  EXPECT_EQ(decode_jwt(token("e", kPayload)).fault, JwtFault::HeaderEncoding);
  EXPECT_EQ(decode_jwt(token("", kPayload)).fault, JwtFault::HeaderEncoding);
  EXPECT_EQ(decode_jwt(token(kHeader, "eyJ+")).fault, JwtFault::PayloadEncoding);
  EXPECT_EQ(decode_jwt(token(kHeader, kPayload, "c2l+bmF0")).fault, JwtFault::SignatureEncoding);
  EXPECT_EQ(decode_jwt(token("c3ViamVjdA", kPayload)).fault, JwtFault::HeaderJson);   // "subject"
  EXPECT_EQ(decode_jwt(token(kHeader, "WzEsMl0")).fault, JwtFault::PayloadJson);      // [1,2]
  EXPECT_EQ(decode_jwt(token(kHeader, "eyJleHAiOjE")).fault, JwtFault::PayloadJson);  // {"exp":1 (truncated)
}

TEST(FormatNumericDate, IsUtcToTheMinute) {
  EXPECT_EQ(format_numeric_date(0), "1970-01-01 00:00 UTC");
  EXPECT_EQ(format_numeric_date(1706702400), "2024-01-31 12:00 UTC");
  EXPECT_EQ(format_numeric_date(1706702459.9), "2024-01-31 12:00 UTC");
  EXPECT_EQ(format_numeric_date(-1), "1969-12-31 23:59 UTC");
  EXPECT_EQ(format_numeric_date(253402300799), "9999-12-31 23:59 UTC");
  EXPECT_EQ(format_numeric_date(253402300800), std::nullopt);
  EXPECT_EQ(format_numeric_date(1e300), std::nullopt);
}

system_clock::time_point in_2000() { return system_clock::time_point{std::chrono::seconds{946684800}}; }
system_clock::time_point in_2024() { return system_clock::time_point{std::chrono::seconds{1706702400}}; }

// Puts the system clock back however the test ends.
class ClockTest : public ::testing::Test {
 protected:
  void TearDown() override { set_now_for_testing(nullptr); }
};

TEST_F(ClockTest, DefaultsToTheSystemClock) {
  const auto before = system_clock::now();
  const auto seen = now();
  EXPECT_LE(before, seen);
  EXPECT_LE(seen, system_clock::now());
}

TEST_F(ClockTest, CanBeReplacedAndRestored) {
  set_now_for_testing(&in_2024);
  EXPECT_EQ(now(), in_2024());
  EXPECT_EQ(set_now_for_testing(&in_2000), &in_2024);
  EXPECT_EQ(now(), in_2000());
  set_now_for_testing(nullptr);
  EXPECT_GT(now(), in_2024());
}

std::string profile_with_token(const std::string& jwt) {
  return R"({
  "connectorProfileName": "salesforce-jwt",
  "connectionMode": "Public",
  "connectorProfileConfig": {
    "connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://acme.my.salesforce.com"}},
    "connectorProfileCredentials": {"Salesforce": {"oAuth2GrantType": "JWT_BEARER", "jwtToken": ")" +
         jwt + R"("}}
  }
})";
}

std::size_t count(const LintResult& result, std::string_view rule) {
  std::size_t n = 0;
  for (const auto& d : result.diagnostics) n += d.rule == rule ? 1 : 0;
  return n;
}

// exp 978307200 is 2001-01-01: valid in 2000, expired in 2024.
TEST_F(ClockTest, ExpiryFollowsTheInjectedClock) {
  const Linter linter;
  const std::string text = profile_with_token(token(kHeader, kPayload));

  set_now_for_testing(&in_2000);
  EXPECT_EQ(count(linter.lint_text(text), "jwt.expired"), 0U);

  set_now_for_testing(&in_2024);
  const LintResult result = linter.lint_text(text);
  ASSERT_EQ(count(result, "jwt.expired"), 1U);
  for (const auto& d : result.diagnostics) {
    if (d.rule != "jwt.expired") continue;
    EXPECT_NE(d.message.find("expired on 2001-01-01 00:00 UTC"), std::string::npos) << d.message;
    EXPECT_EQ(d.message.find(kPayload.substr(0, 8)), std::string::npos) << "the message shows the token";
  }
}

// nbf 1577836800 is 2020-01-01: not yet valid in 2000, valid in 2024.
TEST_F(ClockTest, NotBeforeFollowsTheInjectedClock) {
  const Linter linter;
  // {"sub":"integration@acme.com","nbf":1577836800,"exp":4102444800}
  const std::string text = profile_with_token(
      token(kHeader, "eyJzdWIiOiJpbnRlZ3JhdGlvbkBhY21lLmNvbSIsIm5iZiI6MTU3NzgzNjgwMCwiZXhwIjo0MTAyNDQ0ODAwfQ"));

  set_now_for_testing(&in_2024);
  EXPECT_EQ(count(linter.lint_text(text), "jwt.not-yet-valid"), 0U);

  set_now_for_testing(&in_2000);
  const LintResult result = linter.lint_text(text);
  ASSERT_EQ(count(result, "jwt.not-yet-valid"), 1U);
  for (const auto& d : result.diagnostics) {
    if (d.rule == "jwt.not-yet-valid") {
      EXPECT_NE(d.message.find("2020-01-01 00:00 UTC"), std::string::npos) << d.message;
    }
  }
}

}  // namespace
}  // namespace appflow_lint::rules::jwt
