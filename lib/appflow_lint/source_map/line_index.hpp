// Byte offsets -> 1-based line/column positions counted in Unicode code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint::source_map {

// Where the code point that starts at byte `offset` ends: the one definition of a
// column, shared by LineIndex and everything that walks text column by column (the
// quoted excerpt and its masks), so that they agree byte for byte. A sequence cut
// short by an invalid byte or the end of `text` is one code point; so is each byte
// that starts no sequence (a stray continuation byte, 0xF8..0xFF).
std::size_t code_point_end(std::string_view text, std::size_t offset);

// The number of code points of valid UTF-8 text (a parsed string or key): what the
// model's length bounds count.
std::size_t code_point_count(std::string_view text);

// Line breaks are "\n", "\r\n" and a lone "\r" (as editors and the LSP count them).
// A UTF-8 byte-order mark at the start is not counted as a column.
// Invalid UTF-8 bytes count as one column each, so any byte string maps somewhere.
// Positions asked for in increasing order cost one walk in total; an instance is
// for one thread (it remembers the last answer).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // Offsets past the end are clamped to the end of the text.
  Position position(std::size_t byte_offset) const;
  Range range(std::size_t begin_offset, std::size_t end_offset) const;
  // Where offset() resumes: positions asked for in increasing order through one
  // cursor cost one walk in total. One per sequence of questions.
  struct OffsetCursor {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::size_t offset = 0;
  };
  // The inverse of position(): the byte offset of `position` (a column past the end of
  // its line gives the line's end).
  std::size_t offset(Position position, OffsetCursor& cursor) const;

  std::size_t line_count() const noexcept { return line_starts_.size(); }
  // The text of 1-based `line` without its line break; empty when out of range.
  std::string_view line_text(std::uint32_t line) const;
  // Byte offset where 1-based `line` starts.
  std::size_t line_start(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;                            // byte offset of each line's first byte
  mutable std::size_t cursor_line_ = static_cast<std::size_t>(-1);  // the last answer, to resume from
  mutable std::size_t cursor_offset_ = 0;
  mutable std::size_t cursor_columns_ = 0;
  mutable std::size_t ascii_line_ = static_cast<std::size_t>(-1);  // the line ascii_end_ is for
  mutable std::size_t ascii_end_ = 0;                              // where its leading ASCII run ends
};

}  // namespace appflow_lint::source_map
