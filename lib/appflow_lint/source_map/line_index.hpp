// Byte offsets -> 1-based line/column positions counted in Unicode code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint::source_map {

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

  std::size_t line_count() const noexcept { return line_starts_.size(); }
  // The text of 1-based `line` without its line break; empty when out of range.
  std::string_view line_text(std::uint32_t line) const;
  // Byte offset where 1-based `line` starts.
  std::size_t line_start(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;  // byte offset of each line's first byte
  mutable std::size_t cursor_line_ = static_cast<std::size_t>(-1);  // the last answer, to resume from
  mutable std::size_t cursor_offset_ = 0;
  mutable std::size_t cursor_columns_ = 0;
};

}  // namespace appflow_lint::source_map
