// A set of bytes built at compile time, for "find the first of these characters".
// std::string_view::find_first_of calls memchr over the set once per character of the
// text; the URL, JDBC and placeholder splits run on every URL and string of every
// request, where a table lookup per character costs a fraction of that.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace appflow_lint::text {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view members) noexcept : ByteSet(table_of(members)) {}
  // The bytes a table admits, for sets worked out rather than listed (a pattern's class).
  constexpr explicit ByteSet(const std::array<bool, 256>& admitted) noexcept : table_(admitted) {
    for (std::size_t b = 0; b < table_.size(); ++b) {
      if (!table_[b]) continue;
      if (b >= 0x80)
        ascii_only_ = false;
      else
        nibbles_[b & 0x0FU] = static_cast<unsigned char>(nibbles_[b & 0x0FU] | (1U << (b >> 4)));
    }
  }

  // The first (or last) bytes of `words`: where a search for any of them can begin (or end).
  template <typename Words>
  static constexpr ByteSet first_bytes_of(const Words& words) noexcept {
    std::array<bool, 256> table{};
    for (const std::string_view word : words) table[static_cast<unsigned char>(word.front())] = true;
    return ByteSet(table);
  }
  template <typename Words>
  static constexpr ByteSet last_bytes_of(const Words& words) noexcept {
    std::array<bool, 256> table{};
    for (const std::string_view word : words) table[static_cast<unsigned char>(word.back())] = true;
    return ByteSet(table);
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
    // As string_view's searches, any start is allowed; one past the end (npos among
    // them) finds nothing, and `from + 8` below could not wrap around.
    if (from >= text.size()) return std::string_view::npos;
    const auto hit = [&](std::size_t at) -> unsigned { return contains(text[at]) == member ? 1U : 0U; };
    std::size_t at = from;
    if (!std::is_constant_evaluated() && ascii_only_ && from + kWorthABlockScan <= text.size()) {
      at = scan_blocks(text, from, member);
    }
    while (at + 8 <= text.size() && (hit(at) | hit(at + 1) | hit(at + 2) | hit(at + 3) | hit(at + 4) | hit(at + 5) |
                                     hit(at + 6) | hit(at + 7)) == 0) {
      at += 8;
    }
    for (; at < text.size(); ++at) {
      if (contains(text[at]) == member) return at;
    }
    return std::string_view::npos;
  }

  static constexpr std::array<bool, 256> table_of(std::string_view members) noexcept {
    std::array<bool, 256> table{};
    for (const char c : members) table[static_cast<unsigned char>(c)] = true;
    return table;
  }

  // Sixteen bytes a step where the CPU has SSSE3 (byte_set.cpp): the first position at
  // or after `from` whose membership is `member`, or where fewer than sixteen bytes
  // are left; the loops above finish from there. Elsewhere it returns `from`.
  // Shorter texts (a URL's scheme, a key) are left to the loops: most end within
  // their first step, before a call would pay for itself.
  static constexpr std::size_t kWorthABlockScan = 48;
  std::size_t scan_blocks(std::string_view text, std::size_t from, bool member) const noexcept;

  std::array<bool, 256> table_{};
  // For scan_blocks: a byte b below 0x80 is a member when bit (b >> 4) of
  // nibbles_[b & 15] is set. Sets with bytes past 0x7F are searched without it.
  std::array<unsigned char, 16> nibbles_{};
  bool ascii_only_ = true;
};

}  // namespace appflow_lint::text
