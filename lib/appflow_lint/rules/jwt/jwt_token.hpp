// Decoding a JWT (RFC 7519) in memory, for the jwt.* rules. Nothing here prints or
// keeps the token: callers report only which part is wrong.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace appflow_lint::rules::jwt {

enum class JwtFault {
  SegmentCount,       // not header.payload.signature
  HeaderEncoding,     // the header segment is not base64url
  PayloadEncoding,    // the payload segment is not base64url
  SignatureEncoding,  // the signature segment is not base64url
  HeaderJson,         // the header does not decode to a JSON object
  PayloadJson,        // the payload does not decode to a JSON object
};

// What the jwt.* rules read of a token whose header and payload are JSON objects.
// A member given twice counts by its last value, as JSON parsers commonly keep it.
struct DecodedJwt {
  std::optional<std::string> alg;    // the header's "alg", when a string
  std::optional<double> expires;     // the payload's "exp", when a number
  std::optional<double> not_before;  // the payload's "nbf", when a number
};

struct JwtDecodeResult {
  std::optional<DecodedJwt> jwt;  // set when the token decodes
  JwtFault fault = JwtFault::SegmentCount;
  std::size_t segments = 0;  // dot-separated segments found
};

JwtDecodeResult decode_jwt(std::string_view token);

// "2024-01-31 12:00 UTC" for a NumericDate (seconds since the epoch), or nullopt when
// it lies outside years 1-9999.
std::optional<std::string> format_numeric_date(double numeric_date);

}  // namespace appflow_lint::rules::jwt
