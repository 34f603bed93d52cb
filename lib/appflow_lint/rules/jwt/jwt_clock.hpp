// The current time as the jwt.* rules see it. Tests replace it to make exp / nbf
// checks deterministic; everyone else gets std::chrono::system_clock::now().
#pragma once

#include <chrono>

namespace appflow_lint::rules::jwt {

using NowFunction = std::chrono::system_clock::time_point (*)();

std::chrono::system_clock::time_point now();

// Test-only: makes now() call `replacement` (nullptr restores the system clock).
// Returns the previous function, so a test can put it back.
NowFunction set_now_for_testing(NowFunction replacement) noexcept;

}  // namespace appflow_lint::rules::jwt
