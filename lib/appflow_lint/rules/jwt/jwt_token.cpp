#include "appflow_lint/rules/jwt/jwt_token.hpp"

#include <chrono>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "appflow_lint/rules/jwt/base64url.hpp"

namespace appflow_lint::rules::jwt {
namespace {

std::vector<std::string_view> split_segments(std::string_view token) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = token.find('.', start);
    segments.push_back(token.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return segments;
    start = dot + 1;
  }
}

// The JSON object a segment encodes; nullopt with `encoding_fault` set when it is
// not base64url, nullopt alone when it is not a JSON object.
std::optional<nlohmann::json> decode_object(std::string_view segment, bool& encoding_fault) {
  encoding_fault = false;
  if (segment.empty()) {
    encoding_fault = true;
    return std::nullopt;
  }
  const std::optional<std::string> bytes = decode_base64url(segment);
  if (!bytes) {
    encoding_fault = true;
    return std::nullopt;
  }
  nlohmann::json value = nlohmann::json::parse(*bytes, nullptr, false);
  if (!value.is_object()) return std::nullopt;  // also a parse failure (discarded)
  return value;
}

}  // namespace

JwtDecodeResult decode_jwt(std::string_view token) {
  JwtDecodeResult result;
  const std::vector<std::string_view> segments = split_segments(token);
  result.segments = segments.size();
  if (segments.size() != 3) {
    result.fault = JwtFault::SegmentCount;
    return result;
  }
  bool encoding_fault = false;
  std::optional<nlohmann::json> header = decode_object(segments[0], encoding_fault);
  if (!header) {
    result.fault = encoding_fault ? JwtFault::HeaderEncoding : JwtFault::HeaderJson;
    return result;
  }
  std::optional<nlohmann::json> payload = decode_object(segments[1], encoding_fault);
  if (!payload) {
    result.fault = encoding_fault ? JwtFault::PayloadEncoding : JwtFault::PayloadJson;
    return result;
  }
  // An unsecured JWT (alg none) has an empty signature; jwt.unsigned reports that.
  if (!segments[2].empty() && !decode_base64url(segments[2])) {
    result.fault = JwtFault::SignatureEncoding;
    return result;
  }
  result.jwt = DecodedJwt{std::move(*header), std::move(*payload)};
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
