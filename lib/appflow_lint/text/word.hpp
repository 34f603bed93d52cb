// Eight bytes of text as one unsigned word, for loops that test a word at a time
// (ASCII runs, pattern classes, name comparison, hashing). memcpy is how C++ reads
// bytes at any alignment without breaking aliasing rules; the compiler makes it one load.
#pragma once

#include <cstdint>
#include <cstring>

namespace appflow_lint::text {

inline constexpr std::size_t kWordBytes = sizeof(std::uint64_t);

inline std::uint64_t load_word(const char* bytes) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, kWordBytes);
  return word;
}

}  // namespace appflow_lint::text
