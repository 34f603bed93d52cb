// Equality for member names compared many times a request: the size and the first byte
// rule out nearly every other name, and what passes them is nearly always the same
// name, which is then compared in place rather than by a call to memcmp.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace appflow_lint::text {

namespace detail {
inline std::uint64_t load8(const char* bytes) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof(word));
  return word;
}
}  // namespace detail

constexpr bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  if (a.front() != b.front()) return false;
  // 8 to 16 bytes (most of the model's names): two overlapping words cover them all.
  if (!std::is_constant_evaluated() && a.size() >= 8 && a.size() <= 16) {
    const std::size_t last = a.size() - 8;
    return detail::load8(a.data()) == detail::load8(b.data()) &&
           detail::load8(a.data() + last) == detail::load8(b.data() + last);
  }
  return a == b;
}

}  // namespace appflow_lint::text
