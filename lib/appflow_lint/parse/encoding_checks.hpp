// Faults in the bytes of a document that nlohmann's parser reports vaguely or not at
// all: a file in UTF-16 or UTF-32 ("invalid literal", with the raw bytes), a NUL byte
// (nlohmann stops reading there: whatever follows was silently ignored), and the kinds
// of ill-formed UTF-8. Each is described in words and never echoes the input.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace appflow_lint::parse {

struct EncodingFault {
  std::size_t byte_offset = 0;
  std::string message;
};

// A UTF-16 or UTF-32 document (by its byte-order mark, or by the NULs of its first
// characters, as RFC 4627 tells them apart): at offset 0.
std::optional<EncodingFault> find_wide_encoding(std::string_view text);

// The first NUL byte: "a NUL byte" outside a string, an unescaped control character
// inside one.
std::optional<EncodingFault> find_nul_byte(std::string_view text);

// Words for the ill-formed UTF-8 sequence at `offset` (overlong form, encoded
// surrogate, stray continuation byte, byte that never occurs, cut-short sequence).
std::string describe_utf8_fault(std::string_view text, std::size_t offset);

}  // namespace appflow_lint::parse
