#include "appflow_lint/format/source_excerpt.hpp"

#include <algorithm>

namespace appflow_lint::format {
namespace {

constexpr std::uint32_t kMaxShown = 160;                   // code points of a long line that are shown
constexpr std::uint32_t kContextBefore = 60;               // of them, before the range
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The code point in `bytes` (one, as code_point_end() cut it), or -1 when the bytes
// are not valid UTF-8 (overlong forms and surrogates included).
long decode(std::string_view bytes) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return bytes.size() == 1 ? lead : -1;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || bytes.size() != length) return -1;
  long value = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (byte(i) & 0x3F);
  const long smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return -1;
  return value;
}

// Characters a terminal would act on instead of showing: C0 (but tab), DEL, C1, the
// line and paragraph separators, and bidi embedding, override and isolate controls.
bool printable(long code_point) {
  if (code_point < 0) return false;
  if (code_point == '\t') return true;
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return false;
  if (code_point == 0x2028 || code_point == 0x2029) return false;
  if (code_point >= 0x202A && code_point <= 0x202E) return false;
  if (code_point >= 0x2066 && code_point <= 0x2069) return false;
  return true;
}

}  // namespace

ExcerptMaker::ExcerptMaker(const source_map::LineIndex& lines, const std::vector<Range>& redactions) : lines_(lines) {
  masked_.reserve(redactions.size());
  // Sorted, non-overlapping ranges: starts and ends both ascend, one walk converts them.
  source_map::LineIndex::OffsetCursor cursor;
  for (const auto& redaction : redactions) {
    const std::size_t begin = lines_.offset(redaction.start, cursor);
    masked_.emplace_back(begin, std::max(begin, lines_.offset(redaction.end, cursor)));
  }
  std::sort(masked_.begin(), masked_.end());
}

Excerpt ExcerptMaker::make(const Range& range) const {
  const std::uint32_t line_number = range.start.line;
  const std::string_view line = lines_.line_text(line_number);
  const std::size_t line_begin = lines_.line_start(line_number);
  const std::uint32_t start = range.start.column;  // 1-based
  const std::uint32_t end = range.end.line == line_number ? std::max(range.end.column, start + 1)
                                                          : UINT32_MAX;  // the range goes on past this line

  // A short line is shown whole; a long one from kContextBefore code points before the range.
  std::uint32_t first = 1;
  if (line.size() > kMaxShown) first = start > kContextBefore ? start - kContextBefore : 1;
  std::size_t at = first == 1 ? line_begin : lines_.offset(Position{line_number, first}, window_cursor_);
  const std::size_t line_end = line_begin + line.size();

  Excerpt excerpt;
  if (first > 1) {
    excerpt.source += "…";
    excerpt.carets += ' ';
  }
  // The masks that can touch the window, from the first one ending after its start.
  auto mask = std::upper_bound(masked_.begin(), masked_.end(), at,
                               [](std::size_t offset, const auto& span) { return offset < span.second; });
  std::uint32_t column = first;
  for (std::uint32_t shown = 0; shown < kMaxShown && at < line_end; ++shown, ++column) {
    const std::size_t next = line_begin + source_map::code_point_end(line, at - line_begin);
    const std::string_view point = line.substr(at - line_begin, next - at);
    while (mask != masked_.end() && mask->second <= at) ++mask;
    if (mask != masked_.end() && mask->first <= at) {
      excerpt.source += '*';
    } else if (printable(decode(point))) {
      excerpt.source += point;
    } else {
      excerpt.source += kReplacement;
    }
    if (column < start) {
      excerpt.carets += point == "\t" ? '\t' : ' ';
    } else if (column < end) {
      excerpt.carets += '^';
    }
    at = next;
  }
  if (at < line_end) excerpt.source += "…";
  if (start >= column) {  // the range starts past the shown text (e.g. at the end of input)
    excerpt.carets.append(start - column, ' ');
    excerpt.carets += '^';
  }
  return excerpt;
}

Excerpt make_excerpt(std::string_view text, const Range& range, const std::vector<Range>& redactions) {
  const source_map::LineIndex lines(text);
  return ExcerptMaker(lines, redactions).make(range);
}

}  // namespace appflow_lint::format
