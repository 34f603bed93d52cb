// The quoted source line under a text diagnostic, with a caret underline. Masked
// text (every redaction) prints as '*', one per code point; bytes that must not reach
// a terminal (control characters, invalid UTF-8, bidi controls) as U+FFFD. The window
// is bounded: what it costs does not depend on the length of the line.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::format {

struct Excerpt {
  std::string source;  // the line, masked and windowed
  std::string carets;  // spaces (tabs kept) then '^' under the range
};

// Excerpts of one text. Ranges asked for in increasing order (as diagnostics are
// sorted) cost one walk of the text in total.
class ExcerptMaker {
 public:
  // `redactions` are ranges of `lines`' text, sorted by start; they must outlive the maker.
  ExcerptMaker(const source_map::LineIndex& lines, const std::vector<Range>& redactions);

  Excerpt make(const Range& range) const;

 private:
  const source_map::LineIndex& lines_;
  std::vector<std::pair<std::size_t, std::size_t>> masked_;  // byte spans, sorted
  mutable source_map::LineIndex::OffsetCursor window_cursor_;
};

// One excerpt of `text` (for tests and one-off use).
Excerpt make_excerpt(std::string_view text, const Range& range, const std::vector<Range>& redactions);

}  // namespace appflow_lint::format
