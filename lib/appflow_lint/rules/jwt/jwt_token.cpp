#include "appflow_lint/rules/jwt/jwt_token.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include <fmt/format.h>
#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/rules/jwt/base64url.hpp"

namespace appflow_lint::rules::jwt {
namespace {

// The token's first three dot-separated segments, and how many it has in all: a JWT's
// are three, so nothing past them is kept (and nothing is allocated).
struct Segments {
  std::array<std::string_view, 3> parts;
  std::size_t count = 0;
};

Segments split_segments(std::string_view token) {
  Segments segments;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = token.find('.', start);
    if (segments.count < segments.parts.size()) {
      segments.parts[segments.count] =
          token.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    }
    ++segments.count;
    if (dot == std::string_view::npos) return segments;
    start = dot + 1;
  }
}

// Each segment is read into the same claims: the header gives alg, the payload exp and
// nbf (the rules read no others).
std::optional<DecodedJwt> exact_claims(const std::string& text) {
  const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_object()) return std::nullopt;  // also a parse failure (discarded)
  DecodedJwt claims;
  if (auto alg = value.find("alg"); alg != value.end() && alg->is_string()) claims.alg = alg->get<std::string>();
  if (auto exp = value.find("exp"); exp != value.end() && exp->is_number()) claims.expires = exp->get<double>();
  if (auto nbf = value.find("nbf"); nbf != value.end() && nbf->is_number()) claims.not_before = nbf->get<double>();
  return claims;
}

// simdjson's DOM parses and validates a segment at several times nlohmann's speed: a
// token's two small objects through nlohmann cost more than the rest of its request.
// Whatever simdjson refuses (an integer past 64 bits, great depth, a lone surrogate, a
// control character) goes to nlohmann, which decides; on what simdjson accepts, escapes
// included, the two read the same claims (tests/unit/jwt_test.cpp holds them to it).
// `text` is the decoded segment; it gains simdjson's padding here.
std::optional<DecodedJwt> claims_of(std::string& text) {
  thread_local simdjson::dom::parser parser;
  const std::size_t length = text.size();
  text.resize(length + simdjson::SIMDJSON_PADDING);  // the padding simdjson reads past the end
  simdjson::dom::object object;
  if (parser.parse(text.data(), length, false).get_object().get(object) != simdjson::SUCCESS) {
    text.resize(length);
    return exact_claims(text);
  }
  DecodedJwt claims;
  for (const simdjson::dom::key_value_pair field : object) {  // the last of a repeated key wins
    if (field.key == "alg") {
      std::string_view alg;
      claims.alg =
          field.value.get_string().get(alg) == simdjson::SUCCESS ? std::optional(std::string(alg)) : std::nullopt;
    } else if (field.key == "exp" || field.key == "nbf") {
      double number = 0;
      const bool is_number = field.value.is_number() && field.value.get_double().get(number) == simdjson::SUCCESS;
      (field.key == "exp" ? claims.expires : claims.not_before) = is_number ? std::optional(number) : std::nullopt;
    }
  }
  return claims;
}

// The claims of the JSON object a segment encodes; nullopt with `encoding_fault` set
// when it is not base64url, nullopt alone when it is not a JSON object.
std::optional<DecodedJwt> decode_object(std::string_view segment, bool& encoding_fault) {
  // One buffer a thread: once it has grown to a token's segment and its padding, it
  // allocates no more. It is wiped after each use, so no decoded token stays in it.
  thread_local std::string bytes;
  encoding_fault = segment.empty() || !decode_base64url(segment, bytes);
  std::optional<DecodedJwt> claims;
  if (!encoding_fault) claims = claims_of(bytes);
  std::fill(bytes.begin(), bytes.end(), '\0');
  return claims;
}

}  // namespace

JwtDecodeResult decode_jwt(std::string_view token) {
  JwtDecodeResult result;
  const Segments split = split_segments(token);
  const auto& segments = split.parts;
  result.segments = split.count;
  if (split.count != 3) {
    result.fault = JwtFault::SegmentCount;
    return result;
  }
  bool encoding_fault = false;
  const std::optional<DecodedJwt> header = decode_object(segments[0], encoding_fault);
  if (!header) {
    result.fault = encoding_fault ? JwtFault::HeaderEncoding : JwtFault::HeaderJson;
    return result;
  }
  const std::optional<DecodedJwt> payload = decode_object(segments[1], encoding_fault);
  if (!payload) {
    result.fault = encoding_fault ? JwtFault::PayloadEncoding : JwtFault::PayloadJson;
    return result;
  }
  // An unsecured JWT (alg none) has an empty signature; jwt.unsigned reports that.
  if (!segments[2].empty() && !is_base64url(segments[2])) {
    result.fault = JwtFault::SignatureEncoding;
    return result;
  }
  result.jwt = DecodedJwt{header->alg, payload->expires, payload->not_before};
  return result;
}

std::optional<std::string> format_numeric_date(double numeric_date) {
  // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
  constexpr double kFirst = -62135596800.0;
  constexpr double kLast = 253402300799.0;
  if (!std::isfinite(numeric_date) || numeric_date < kFirst || numeric_date > kLast) return std::nullopt;
  using namespace std::chrono;
  const sys_seconds time{seconds{static_cast<long long>(std::floor(numeric_date))}};
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} UTC", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), clock.hours().count(),
                     clock.minutes().count());
}

}  // namespace appflow_lint::rules::jwt
