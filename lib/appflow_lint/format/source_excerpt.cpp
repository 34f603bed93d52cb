#include "appflow_lint/format/source_excerpt.hpp"

#include <algorithm>

namespace appflow_lint::format {
namespace {

constexpr std::size_t kMaxShown = 160;      // code points of a long line that are shown
constexpr std::size_t kContextBefore = 60;  // of them, before the range

std::vector<std::string_view> split_code_points(std::string_view text) {
  std::vector<std::string_view> points;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80 &&
           length < 4) {
      ++length;
    }
    points.push_back(text.substr(i, length));
    i += length;
  }
  return points;
}

// Whether 1-based column `column` of line `line_number` lies inside `range`.
bool covers(const Range& range, std::uint32_t line_number, std::uint32_t column) {
  const Position here{line_number, column};
  const auto before = [](const Position& a, const Position& b) {
    return a.line < b.line || (a.line == b.line && a.column < b.column);
  };
  return !before(here, range.start) && before(here, range.end);
}

}  // namespace

Excerpt make_excerpt(std::string_view line, std::uint32_t line_number, const Range& range,
                     const std::vector<Range>& redactions) {
  const auto points = split_code_points(line);
  const std::size_t start = range.start.line == line_number ? range.start.column - 1 : 0;
  const std::size_t end = range.end.line == line_number ? std::max<std::size_t>(range.end.column - 1, start + 1)
                                                        : points.size();
  std::size_t first = 0;
  std::size_t last = points.size();
  if (points.size() > kMaxShown) {
    first = start > kContextBefore ? start - kContextBefore : 0;
    last = std::min(points.size(), first + kMaxShown);
  }

  Excerpt excerpt;
  if (first > 0) {
    excerpt.source += "…";
    excerpt.carets += ' ';
  }
  for (std::size_t i = first; i < last; ++i) {
    const auto column = static_cast<std::uint32_t>(i + 1);
    const bool masked = std::any_of(redactions.begin(), redactions.end(),
                                    [&](const Range& r) { return covers(r, line_number, column); });
    excerpt.source += masked ? std::string_view("*") : points[i];
    if (i < start) {
      excerpt.carets += points[i] == "\t" ? '\t' : ' ';
    } else if (i < end) {
      excerpt.carets += '^';
    }
  }
  if (last < points.size()) excerpt.source += "…";
  if (start >= last) {  // the range starts past the shown text (e.g. at the end of input)
    excerpt.carets.append(start - last, ' ');
    excerpt.carets += '^';
  }
  return excerpt;
}

}  // namespace appflow_lint::format
