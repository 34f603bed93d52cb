// How a JSON number relates to the model's integer type, shared by the engine's
// verdict (engine/document_walk) and the keyword checks' messages, so they agree.
#pragma once

#include <cmath>

namespace appflow_lint::schema_engine {

// A float with an integral value (443.0, 1e3): not an integer for the AWS SDKs.
inline bool is_integral(double number) { return std::isfinite(number) && std::nearbyint(number) == number; }

// An integral value no 64-bit integer holds (99999999999999999999 is parsed as a
// float): its fault is its size, reported as schema.minimum/maximum, not its type.
inline bool beyond_64_bits(double number) {
  constexpr double kTwoTo63 = 9223372036854775808.0;
  return is_integral(number) && std::fabs(number) >= kTwoTo63;
}

}  // namespace appflow_lint::schema_engine
