#include "appflow_lint/rules/jwt/jwt_clock.hpp"

#include <atomic>

namespace appflow_lint::rules::jwt {
namespace {

std::chrono::system_clock::time_point system_now() { return std::chrono::system_clock::now(); }

// Atomic: linters are shared between threads, and a test may swap the clock.
std::atomic<NowFunction> current_now{&system_now};

}  // namespace

std::chrono::system_clock::time_point now() { return current_now.load(std::memory_order_acquire)(); }

NowFunction set_now_for_testing(NowFunction replacement) noexcept {
  return current_now.exchange(replacement != nullptr ? replacement : &system_now, std::memory_order_acq_rel);
}

}  // namespace appflow_lint::rules::jwt
