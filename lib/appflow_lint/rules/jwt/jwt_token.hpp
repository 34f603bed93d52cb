// Decoding a JWT (RFC 7519) in memory, for the jwt.* rules. Nothing here prints or
// keeps the token: callers report only which part is wrong.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace appflow_lint::rules::jwt {

enum class JwtFault {
  SegmentCount,       // not header.payload.signature
  HeaderEncoding,     // the header segment is not base64url
  PayloadEncoding,    // the payload segment is not base64url
  SignatureEncoding,  // the signature segment is not base64url
  HeaderJson,         // the header does not decode to a JSON object
  PayloadJson,        // the payload does not decode to a JSON object
};

struct DecodedJwt {
  nlohmann::json header;   // an object
  nlohmann::json payload;  // an object
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
