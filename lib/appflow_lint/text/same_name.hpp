// Equality for member names compared many times a request: the size and the first byte
// rule out nearly every other name, and what passes them is nearly always the same
// name, which is then compared in place rather than by a call to memcmp.
#pragma once

#include <string_view>
#include <type_traits>

#include "appflow_lint/text/word.hpp"

namespace appflow_lint::text {

constexpr bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  if (a.front() != b.front()) return false;
  // 8 to 16 bytes (most of the model's names): two overlapping words cover them all.
  if (!std::is_constant_evaluated() && a.size() >= kWordBytes && a.size() <= 2 * kWordBytes) {
    const std::size_t last = a.size() - kWordBytes;
    return load_word(a.data()) == load_word(b.data()) && load_word(a.data() + last) == load_word(b.data() + last);
  }
  return a == b;
}

}  // namespace appflow_lint::text
