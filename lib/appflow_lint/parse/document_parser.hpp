// Text -> nlohmann::json in one SAX pass that also notices repeated keys and
// stops at a nesting limit (the validator recurses; the model nests ~7 deep).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace appflow_lint::parse {

struct SyntaxError {
  std::size_t byte_offset = 0;  // 0-based offset of the offending byte (clamped to the text size)
  // What is wrong, in words, without nlohmann's "[json.exception...]" prefix and
  // without any echo of the input ("last read: ..."), which could hold a secret.
  std::string message;
  bool whole_token = false;  // a well-formed token out of place (byte_offset is its first byte)
  bool remove_byte = false;  // deleting the byte at byte_offset fixes it (a trailing comma)
};

struct ParsedDocument {
  nlohmann::json value;  // valid only when `syntax_error` is empty
  std::optional<SyntaxError> syntax_error;
  // Nesting exceeded max_depth: `value` holds the document down to the limit, and each
  // container that crosses it is there but empty.
  bool too_deep = false;
  // An object or array held more than max_entries members: parsing stopped there and
  // `value` is incomplete (nothing is checked).
  bool too_many_entries = false;
  std::size_t too_deep_offset = 0;          // byte offset of the bracket that went past the limit
  std::vector<std::string> duplicate_keys;  // JSON Pointers of members whose key appeared earlier in the same object
};

inline constexpr std::size_t kDefaultMaxDepth = 256;
// Members of one object or elements of one array: no request has more than a few dozen;
// the bound keeps a hostile document (ten million members) from exhausting memory.
inline constexpr std::size_t kDefaultMaxEntries = 10'000;
// The largest document lint_text parses (a request is a few KB; parsing costs about
// ten times the text in memory).
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{64} << 20;

// Never throws for bad input. A UTF-8 byte-order mark at the start is skipped.
ParsedDocument parse_document(std::string_view text, std::size_t max_depth = kDefaultMaxDepth,
                              std::size_t max_entries = kDefaultMaxEntries);

}  // namespace appflow_lint::parse
