#include "appflow_lint/parse/encoding_checks.hpp"

#include <fmt/format.h>

namespace appflow_lint::parse {
namespace {

constexpr std::string_view kAwsExpects =
    "; AppFlow requests must be UTF-8 (save the file as UTF-8 without a byte-order mark)";

unsigned char byte_at(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0xFFU;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

std::optional<EncodingFault> find_wide_encoding(std::string_view text) {
  using namespace std::string_view_literals;
  const auto fault = [](std::string_view encoding, std::string_view evidence) {
    return EncodingFault{0, fmt::format("the file is {} ({}){}", encoding, evidence, kAwsExpects)};
  };
  // UTF-32 first: its little-endian mark begins like UTF-16's.
  if (starts_with(text, "\xFF\xFE\0\0"sv)) return fault("UTF-32 LE", "byte-order mark FF FE 00 00");
  if (starts_with(text, "\0\0\xFE\xFF"sv)) return fault("UTF-32 BE", "byte-order mark 00 00 FE FF");
  if (starts_with(text, "\xFF\xFE"sv)) return fault("UTF-16 LE", "byte-order mark FF FE");
  if (starts_with(text, "\xFE\xFF"sv)) return fault("UTF-16 BE", "byte-order mark FE FF");
  if (text.size() >= 4) {
    const bool z0 = text[0] == '\0', z1 = text[1] == '\0', z2 = text[2] == '\0', z3 = text[3] == '\0';
    const std::string_view evidence = "no byte-order mark; NUL bytes between its first characters";
    if (z0 && z1 && z2 && !z3) return fault("UTF-32 BE", evidence);
    if (!z0 && z1 && z2 && z3) return fault("UTF-32 LE", evidence);
    if (z0 && !z1 && z2 && !z3) return fault("UTF-16 BE", evidence);
    if (!z0 && z1 && !z2 && z3) return fault("UTF-16 LE", evidence);
  } else if (text.size() >= 2) {
    if (text[0] == '\0' && text[1] != '\0')
      return fault("UTF-16 BE", "no byte-order mark; a NUL before its first character");
    if (text[0] != '\0' && text[1] == '\0')
      return fault("UTF-16 LE", "no byte-order mark; a NUL after its first character");
  }
  return std::nullopt;
}

std::optional<EncodingFault> find_nul_byte(std::string_view text) {
  const std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return std::nullopt;
  bool in_string = false;
  for (std::size_t i = 0; i < nul; ++i) {
    if (in_string && text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      in_string = !in_string;
    }
  }
  if (in_string) {
    return EncodingFault{nul, "invalid string: control character U+0000 (NUL) must be escaped as \\u0000"};
  }
  return EncodingFault{nul, "a NUL byte is not JSON; nothing after it may be ignored, so the document is rejected"};
}

std::string describe_utf8_fault(std::string_view text, std::size_t offset) {
  const unsigned char lead = byte_at(text, offset);
  const unsigned char next = byte_at(text, offset + 1);
  if (lead >= 0x80 && lead <= 0xBF) {
    return fmt::format(
        "invalid UTF-8: byte {:02X} continues a sequence that never started (text saved as "
        "Windows-1252 or Latin-1?)",
        lead);
  }
  if (lead == 0xC0 || lead == 0xC1 || (lead == 0xE0 && next >= 0x80 && next < 0xA0) ||
      (lead == 0xF0 && next >= 0x80 && next < 0x90)) {
    return fmt::format("invalid UTF-8: an overlong encoding (lead byte {:02X}); each character has one shortest form",
                       lead);
  }
  if (lead == 0xED && next >= 0xA0 && next <= 0xBF) {
    return "invalid UTF-8: a UTF-16 surrogate encoded as UTF-8 (CESU-8); encode the character itself";
  }
  if (lead >= 0xF5) return fmt::format("invalid UTF-8: byte {:02X} never occurs in UTF-8", lead);
  if (lead == 0xF4 && next >= 0x90 && next <= 0xBF) return "invalid UTF-8: a code point above U+10FFFF";
  return fmt::format("invalid UTF-8: the sequence that byte {:02X} starts is cut short", lead);
}

}  // namespace appflow_lint::parse
