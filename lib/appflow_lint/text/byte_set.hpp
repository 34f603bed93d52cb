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
  // The bytes a table admits, for sets worked out rather than listed (a pattern's class).
  constexpr explicit ByteSet(const std::array<bool, 256>& admitted) noexcept : table_(admitted) {}

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
    return first_where(text, from, true);
  }

  // The position of the first byte at or after `from` that is not in the set, or npos:
  // where a run of members ends.
  constexpr std::size_t find_first_not_in(std::string_view text, std::size_t from = 0) const noexcept {
    return first_where(text, from, false);
  }

  // Like find_first_in, but text.size() when there is none (the end of a part).
  constexpr std::size_t end_of_part(std::string_view text) const noexcept {
    const std::size_t at = find_first_in(text);
    return at == std::string_view::npos ? text.size() : at;
  }

 private:
  // The first byte at or after `from` whose membership is `member`. Eight lookups a step
  // with one test, no branch per byte, as whole values (a 700-byte JWT, every URL) are
  // scanned on every request; then byte by byte inside the step that holds it.
  constexpr std::size_t first_where(std::string_view text, std::size_t from, bool member) const noexcept {
    const auto hit = [&](std::size_t at) -> unsigned { return contains(text[at]) == member ? 1U : 0U; };
    std::size_t at = from;
    while (at + 8 <= text.size() && (hit(at) | hit(at + 1) | hit(at + 2) | hit(at + 3) | hit(at + 4) | hit(at + 5) |
                                     hit(at + 6) | hit(at + 7)) == 0) {
      at += 8;
    }
    for (; at < text.size(); ++at) {
      if (contains(text[at]) == member) return at;
    }
    return std::string_view::npos;
  }

  std::array<bool, 256> table_{};
};

}  // namespace appflow_lint::text
