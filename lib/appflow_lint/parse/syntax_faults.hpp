// Plain words for the syntax faults people make most: a trailing comma, a missing
// comma or colon, single quotes, comments, NaN and Infinity, Python's True and None,
// unquoted member names. Told apart by nlohmann's message (the parse state it names)
// and the text at the fault; anything else keeps nlohmann's words. Messages are
// constants: they never echo the input.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace appflow_lint::parse {

struct SyntaxFault {
  std::size_t byte_offset = 0;  // where the fix goes
  std::string message;
  bool remove_byte = false;  // deleting the byte at byte_offset is the fix (a trailing comma)
};

// `offset`: the fault as parse_document places it (the offending token's first byte,
// or the byte the lexer stopped on); `message`: nlohmann's, without the echo.
std::optional<SyntaxFault> describe_syntax_fault(std::string_view text, std::size_t offset, std::string_view message);

}  // namespace appflow_lint::parse
