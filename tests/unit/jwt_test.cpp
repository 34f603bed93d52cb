// Unit tests of the jwt family: the base64url decoder, JWT decoding, NumericDate
// formatting and the injectable clock (exercised through the linter).
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
  EXPECT_EQ(result.jwt->alg, "RS256");
  EXPECT_EQ(result.jwt->expires, 978307200.0);
  EXPECT_EQ(result.jwt->not_before, std::nullopt);
  EXPECT_EQ(result.segments, 3U);
}

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3FU];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3FU];
  return out;
}

// The decoder takes four characters at a time and the rest one by one: every length
// from 0 to 40 bytes round-trips, with and without padding.
TEST(Base64url, RoundTripsEveryLength) {
  std::mt19937 random(5);
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string bytes(length, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random() & 0xFFU);
    std::string encoded = base64url(bytes);
    EXPECT_EQ(decode_base64url(encoded), bytes) << length;
    while (encoded.size() % 4 != 0) encoded += '=';
    EXPECT_EQ(decode_base64url(encoded), bytes) << length << " padded";
  }
}

// Each place of a four-character group has its own table: every character of the
// alphabet, in every place, decodes to its six bits there, and every other byte is
// refused there ('=' last is padding).
TEST(Base64url, EveryCharacterDecodesInEveryPlace) {
  for (std::size_t place = 0; place < 4; ++place) {
    for (int c = 0; c < 256; ++c) {
      std::string group = "AAAA";
      group[place] = static_cast<char>(c);
      const auto value = kAlphabet.find(static_cast<char>(c));
      const std::optional<std::string> decoded = decode_base64url(group);
      if (c == '=' && place == 3) {  // padding: "AAA=" is two bytes
        EXPECT_EQ(decoded, std::string(2, '\0'));
        continue;
      }
      if (value == std::string_view::npos) {
        EXPECT_FALSE(decoded.has_value()) << place << " " << c;
        continue;
      }
      const std::uint32_t bits = static_cast<std::uint32_t>(value) << (18 - 6 * place);
      const std::string expected{static_cast<char>(bits >> 16), static_cast<char>((bits >> 8) & 0xFFU),
                                 static_cast<char>(bits & 0xFFU)};
      EXPECT_EQ(decoded, expected) << place << " " << c;
    }
  }
}

// is_base64url, which checks a signature without decoding it, must say what the
// decoder says on every string, well formed or not, short or past its eight-a-step loop.
TEST(Base64url, CheckingAgreesWithDecoding) {
  const std::vector<std::string> pieces{"A", "z", "0", "-", "_",        "=",
                                        "+", "/", " ", ".", "\xc3\xa9", std::string(1, '\0')};
  std::mt19937 random(9);
  int encodings = 0;
  for (int i = 0; i < 50000; ++i) {
    std::string text;
    const int length = static_cast<int>(random() % 25);  // past 16, the checker's eight-a-step loop runs twice
    for (int j = 0; j < length; ++j) {
      // Mostly alphabet characters, so that many samples are encodings.
      text += pieces[random() % 4 == 0 ? random() % pieces.size() : random() % 5];
    }
    const bool decodes = decode_base64url(text).has_value();
    ASSERT_EQ(is_base64url(text), decodes) << text;
    encodings += decodes ? 1 : 0;
  }
  EXPECT_GT(encodings, 5000);
  EXPECT_LT(encodings, 45000);
}

// What decode_jwt must find in a header and a payload: nlohmann's reading of them.
struct Expected {
  bool header_object = false;
  bool payload_object = false;
  std::optional<std::string> alg;
  std::optional<double> exp;
  std::optional<double> nbf;
};

Expected nlohmann_reading(const std::string& header, const std::string& payload) {
  const nlohmann::json h = nlohmann::json::parse(header, nullptr, false);
  const nlohmann::json p = nlohmann::json::parse(payload, nullptr, false);
  Expected expected{h.is_object(), p.is_object(), {}, {}, {}};
  if (expected.header_object && h.contains("alg") && h["alg"].is_string()) expected.alg = h["alg"].get<std::string>();
  if (expected.payload_object && p.contains("exp") && p["exp"].is_number()) expected.exp = p["exp"].get<double>();
  if (expected.payload_object && p.contains("nbf") && p["nbf"].is_number()) expected.nbf = p["nbf"].get<double>();
  return expected;
}

void expect_same_reading(const std::string& header, const std::string& payload) {
  const Expected expected = nlohmann_reading(header, payload);
  const JwtDecodeResult decoded = decode_jwt(base64url(header) + "." + base64url(payload) + ".c2ln");
  const std::string shown =
      "header " + nlohmann::json(header).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace) + ", payload " +
      nlohmann::json(payload).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
  // An empty segment is no base64url encoding of anything.
  if (!expected.header_object) {
    EXPECT_EQ(decoded.fault, header.empty() ? JwtFault::HeaderEncoding : JwtFault::HeaderJson) << shown;
    return;
  }
  if (!expected.payload_object) {
    EXPECT_EQ(decoded.fault, payload.empty() ? JwtFault::PayloadEncoding : JwtFault::PayloadJson) << shown;
    return;
  }
  ASSERT_TRUE(decoded.jwt.has_value()) << shown;
  EXPECT_EQ(decoded.jwt->alg, expected.alg) << shown;
  EXPECT_EQ(decoded.jwt->expires, expected.exp) << shown;
  EXPECT_EQ(decoded.jwt->not_before, expected.nbf) << shown;
}

// The fast parser and nlohmann agree on what a segment holds: repeated claims, every
// kind of number (past 64 bits too), escapes (a lone surrogate), control characters,
// invalid UTF-8, a BOM, depth, and texts that are no JSON object at all.
TEST(DecodeJwt, ReadsSegmentsAsNlohmannDoes) {
  const std::vector<std::string> payloads{
      R"({"exp":1})",
      R"({"exp":1,"exp":"later"})",
      R"({"exp":"x","exp":2.5e9})",
      R"({"exp":-0,"nbf":1e400})",
      R"({"exp":100000000000000000000,"nbf":18446744073709551615})",
      R"({"exp":-9223372036854775808,"nbf":1.0})",
      R"({"nbf":[1],"exp":{"a":1}})",
      R"({"sub":"\ud800","exp":1})",
      R"({"sub":"\u00e9\n","exp":2})",
      "{\"sub\":\"a\x01b\",\"exp\":3}",
      "{\"sub\":\"a\tb\",\"exp\":3}",
      "{\"sub\":\"a\x7f\",\"exp\":3}",
      "{\"exp\":3,\x01\"nbf\":1}",
      R"({"sub":"\u0000","exp":3})",
      R"({"sub":"\ud83d\ude00","exp":3})",
      R"({"sub":"\udc00\ud800","exp":3})",
      R"({"sub":"\ud800x","exp":3})",
      R"({"sub":"\/\b\f\r\t\"","exp":3})",
      R"({"sub":"\x41","exp":3})",
      R"({"sub":"\u00","exp":3})",
      R"({"e\u0078p":12})",
      R"({"exp":"\u0031"})",
      "{\"sub\":\"caf\xc3\xa9\",\"exp\":4}",
      "{\"sub\":\"\xc3\",\"exp\":5}",
      "\xef\xbb\xbf{\"exp\":6}",
      " \t\r\n{\"exp\" : 7 }\n",
      R"({"exp":8} x)",
      R"({"exp":08})",
      R"({"exp":9,})",
      R"([{"exp":10}])",
      R"("exp")",
      "",
      std::string(2000, '[') + std::string(2000, ']'),
      "{\"a\":" + std::string(1500, '[') + std::string(1500, ']') + ",\"exp\":11}",
  };
  const std::vector<std::string> headers{R"({"alg":"none"})",         R"({"alg":"RS256","alg":"none"})",
                                         R"({"alg":"none","alg":5})", R"({"alg":"n\u006fne"})",
                                         R"({"typ":"JWT"})",          R"(["alg"])"};
  for (const auto& payload : payloads) expect_same_reading(R"({"alg":"RS256"})", payload);
  for (const auto& header : headers) expect_same_reading(header, R"({"exp":1})");
  // Random texts from JSON's pieces, most of them no JSON at all.
  const std::vector<std::string> pieces{"{",        "}",        "[",        "]",         ",",           ":",
                                        R"("exp")", R"("nbf")", R"("alg")", R"("none")", "1",           "-2.5",
                                        "1e3",      "true",     "null",     " ",         R"("\u0041")", R"("x)"};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text = random() % 2 == 0 ? "{" : "";
    const int count = static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    if (random() % 2 == 0) text += "}";
    expect_same_reading(text, text);
  }
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
