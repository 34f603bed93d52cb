#include "appflow_lint/rules/jwt/base64url.hpp"

#include <array>
#include <cstdint>

namespace appflow_lint::rules::jwt {
namespace {

constexpr std::uint8_t kNotBase64url = 0xFF;

// The 6-bit value of each byte, kNotBase64url where it is none: a table, because the
// header and payload of every JWT of a request are decoded.
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

// `text` without its padding, or nullopt when its length or its padding is one no
// encoding has.
std::optional<std::string_view> unpadded(std::string_view text) noexcept {
  std::size_t padding = 0;
  while (!text.empty() && text.back() == '=' && padding < 2) {
    text.remove_suffix(1);
    ++padding;
  }
  if (text.size() % 4 == 1) return std::nullopt;
  if (padding > 0 && (text.size() + padding) % 4 != 0) return std::nullopt;
  return text;
}

}  // namespace

bool decode_base64url(std::string_view text, std::string& bytes) {
  const std::optional<std::string_view> body = unpadded(text);
  if (!body) return false;
  bytes.resize(body->size() * 3 / 4);  // what 4 characters in 3 bytes give, rounded down
  const auto* in = reinterpret_cast<const unsigned char*>(body->data());
  // Written through a pointer of its own: a store through the string's operator[] may
  // alias the string itself, so the compiler reloads its data pointer after each byte.
  char* out = bytes.data();
  const std::size_t whole = body->size() / 4 * 4;
  // Four characters make three bytes: one check for the four, no per-bit bookkeeping.
  for (std::size_t at = 0; at < whole; at += 4) {
    const std::uint8_t a = kSextets[in[at]], b = kSextets[in[at + 1]], c = kSextets[in[at + 2]],
                       d = kSextets[in[at + 3]];
    if (((a | b | c | d) & 0xC0U) != 0) return false;  // kNotBase64url has them set
    const std::uint32_t group = (std::uint32_t{a} << 18) | (std::uint32_t{b} << 12) | (std::uint32_t{c} << 6) | d;
    out[0] = static_cast<char>(group >> 16);
    out[1] = static_cast<char>((group >> 8) & 0xFFU);
    out[2] = static_cast<char>(group & 0xFFU);
    out += 3;
  }
  // The last 2 or 3 characters make 1 or 2 bytes.
  std::uint32_t buffer = 0;
  int bits = 0;
  for (std::size_t at = whole; at < body->size(); ++at) {
    const std::uint8_t value = kSextets[in[at]];
    if (value == kNotBase64url) return false;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out++ = static_cast<char>((buffer >> bits) & 0xFFU);
    }
  }
  bytes.resize(static_cast<std::size_t>(out - bytes.data()));
  return true;
}

std::optional<std::string> decode_base64url(std::string_view text) {
  std::string bytes;
  if (!decode_base64url(text, bytes)) return std::nullopt;
  return bytes;
}

bool is_base64url(std::string_view text) noexcept {
  const std::optional<std::string_view> body = unpadded(text);
  if (!body) return false;
  // A sextet is below 64: any higher bit marks a byte outside the alphabet. Eight
  // lookups a step, as a 342-character RS256 signature is checked on every request.
  const auto* in = reinterpret_cast<const unsigned char*>(body->data());
  std::uint8_t seen = 0;
  std::size_t at = 0;
  for (; at + 8 <= body->size(); at += 8) {
    seen |= kSextets[in[at]] | kSextets[in[at + 1]] | kSextets[in[at + 2]] | kSextets[in[at + 3]] |
            kSextets[in[at + 4]] | kSextets[in[at + 5]] | kSextets[in[at + 6]] | kSextets[in[at + 7]];
  }
  for (; at < body->size(); ++at) seen |= kSextets[in[at]];
  return (seen & 0xC0U) == 0;
}

}  // namespace appflow_lint::rules::jwt
