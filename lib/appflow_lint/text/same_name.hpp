// Equality for member names compared many times a request: the size and the first byte
// rule out nearly every other name before memcmp is called.
#pragma once

#include <string_view>

namespace appflow_lint::text {

constexpr bool same_name(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && (a.empty() || a.front() == b.front()) && a == b;
}

}  // namespace appflow_lint::text
