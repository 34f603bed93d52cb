// A set of bytes built at compile time, for "find the first of these characters".
// std::string_view::find_first_of calls memchr over the set once per character of the
// text; the URL, JDBC and placeholder splits run on every URL and string of every
// request, where a table lookup per character costs a fraction of that.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace appflow_lint::text {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view members) noexcept {
    for (const char c : members) table_[static_cast<unsigned char>(c)] = true;
  }

  // The first (or last) bytes of `words`: where a search for any of them can begin (or end).
  template <typename Words>
  static constexpr ByteSet first_bytes_of(const Words& words) noexcept {
    ByteSet set("");
    for (const std::string_view word : words) set.table_[static_cast<unsigned char>(word.front())] = true;
    return set;
  }
  template <typename Words>
  static constexpr ByteSet last_bytes_of(const Words& words) noexcept {
    ByteSet set("");
    for (const std::string_view word : words) set.table_[static_cast<unsigned char>(word.back())] = true;
    return set;
  }

  constexpr bool contains(char c) const noexcept { return table_[static_cast<unsigned char>(c)]; }

  // The position of the first byte of `text` at or after `from` that is in the set, or npos.
  constexpr std::size_t find_first_in(std::string_view text, std::size_t from = 0) const noexcept {
    for (std::size_t i = from; i < text.size(); ++i) {
      if (contains(text[i])) return i;
    }
    return std::string_view::npos;
  }

  // Whether any byte of `text` is in the set: eight lookups a step with one test, for
  // scans of whole values that seldom find anything.
  constexpr bool any_in(std::string_view text) const noexcept {
    std::size_t i = 0;
    // As numbers, so that the eight are or-ed without a branch each.
    const auto in = [&](std::size_t at) -> unsigned { return contains(text[at]) ? 1U : 0U; };
    for (; i + 8 <= text.size(); i += 8) {
      if ((in(i) | in(i + 1) | in(i + 2) | in(i + 3) | in(i + 4) | in(i + 5) | in(i + 6) | in(i + 7)) != 0) return true;
    }
    for (; i < text.size(); ++i) {
      if (contains(text[i])) return true;
    }
    return false;
  }

  // Like find_first_in, but text.size() when there is none (the end of a part).
  constexpr std::size_t end_of_part(std::string_view text) const noexcept {
    const std::size_t at = find_first_in(text);
    return at == std::string_view::npos ? text.size() : at;
  }

 private:
  std::array<bool, 256> table_{};
};

}  // namespace appflow_lint::text
