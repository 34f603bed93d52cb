#include "appflow_lint/rules/jwt/base64url.hpp"

#include <array>
#include <cstdint>

#include "appflow_lint/text/byte_set.hpp"

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

// kSextets for each of the four places of a group, shifted to where that character's
// six bits go in the group's 24; a byte outside the alphabet sets a bit above them.
constexpr std::uint32_t kGroupMax = 0xFFFFFF;
constexpr std::array<std::array<std::uint32_t, 256>, 4> kPlaced = [] {
  std::array<std::array<std::uint32_t, 256>, 4> tables{};
  for (std::size_t place = 0; place < 4; ++place) {
    for (std::size_t c = 0; c < 256; ++c) {
      tables[place][c] = kSextets[c] == kNotBase64url ? kGroupMax + 1 : std::uint32_t{kSextets[c]} << (18 - 6 * place);
    }
  }
  return tables;
}();

// The bytes kSextets gives a value: the alphabet, spelled once.
constexpr text::ByteSet kAlphabet = [] {
  std::array<bool, 256> admitted{};
  for (std::size_t c = 0; c < admitted.size(); ++c) admitted[c] = kSextets[c] != kNotBase64url;
  return text::ByteSet(admitted);
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
  // Four characters make three bytes: four lookups of values already in place, ORed,
  // and one test for the four.
  for (std::size_t at = 0; at < whole; at += 4) {
    const std::uint32_t group =
        kPlaced[0][in[at]] | kPlaced[1][in[at + 1]] | kPlaced[2][in[at + 2]] | kPlaced[3][in[at + 3]];
    if (group > kGroupMax) return false;  // a character outside the alphabet
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
  // ByteSet's search stops at the first byte outside the alphabet. A loop that ORs the
  // sextets of every byte looks branch-free, but GCC vectorises it with emulated
  // gathers, which cost twice as much on a 342-character RS256 signature.
  return body && kAlphabet.find_first_not_in(*body) == std::string_view::npos;
}

}  // namespace appflow_lint::rules::jwt
