// The quoted source line under a text diagnostic, with sensitive values masked
// and a caret underline; long (minified) lines are cut to a window around the range.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint::format {

struct Excerpt {
  std::string source;  // the line, masked and windowed
  std::string carets;  // spaces (tabs kept) then '^' under the range
};

// `line` is the text of line `line_number` without its line break.
Excerpt make_excerpt(std::string_view line, std::uint32_t line_number, const Range& range,
                     const std::vector<Range>& redactions);

}  // namespace appflow_lint::format
