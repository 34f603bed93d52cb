#include "appflow_lint/rules/jwt/base64url.hpp"

#include <array>
#include <cstdint>

namespace appflow_lint::rules::jwt {
namespace {

constexpr std::uint8_t kNotBase64url = 0xFF;

// The 6-bit value of each byte, kNotBase64url where it is none: a table, because every
// JWT of a request is decoded whole (its signature too, to check its encoding).
constexpr std::array<std::uint8_t, 256> kSextets = [] {
  std::array<std::uint8_t, 256> table{};
  table.fill(kNotBase64url);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<std::uint8_t>(c - 'A');
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<std::uint8_t>(c - 'a' + 26);
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<std::uint8_t>(c - '0' + 52);
  table['-'] = 62;
  table['_'] = 63;
  return table;
}();

}  // namespace

std::optional<std::string> decode_base64url(std::string_view text) {
  std::size_t padding = 0;
  while (!text.empty() && text.back() == '=' && padding < 2) {
    text.remove_suffix(1);
    ++padding;
  }
  if (text.size() % 4 == 1) return std::nullopt;
  if (padding > 0 && (text.size() + padding) % 4 != 0) return std::nullopt;

  std::string bytes(text.size() * 3 / 4, '\0');  // what 4 characters in 3 bytes give, rounded down
  std::size_t out = 0;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const std::uint8_t value = kSextets[static_cast<unsigned char>(c)];
    if (value == kNotBase64url) return std::nullopt;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = static_cast<char>((buffer >> bits) & 0xFFU);
    }
  }
  bytes.resize(out);
  return bytes;
}

}  // namespace appflow_lint::rules::jwt
