#include "appflow_lint/source_map/line_index.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "appflow_lint/text/word.hpp"

namespace appflow_lint::source_map {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

// The length a UTF-8 sequence announces by its first byte; 1 for ASCII and for
// bytes that cannot start a sequence (stray continuation bytes, 0xF8..0xFF).
std::size_t announced_length(unsigned char byte) {
  if (byte >= 0xC0U && byte < 0xE0U) return 2;
  if (byte >= 0xE0U && byte < 0xF0U) return 3;
  if (byte >= 0xF0U && byte < 0xF8U) return 4;
  return 1;
}

// Where the run of ASCII bytes that starts at `i` ends. Eight bytes are tested at once:
// a position on a long minified line counts every byte before it, and byte by byte
// that was most of what locating a faulty request's diagnostics cost.
std::size_t ascii_run_end(std::string_view bytes, std::size_t i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  for (; i + text::kWordBytes <= bytes.size(); i += text::kWordBytes) {
    if ((text::load_word(bytes.data() + i) & kHighBits) != 0) break;
  }
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80U) ++i;
  return i;
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    // A run of ASCII is one column a byte, whatever surrounds it.
    const std::size_t ascii_end = ascii_run_end(bytes, i);
    count += ascii_end - i;
    i = ascii_end;
    if (i < bytes.size()) {
      i = code_point_end(bytes, i);
      ++count;
    }
  }
  return count;
}

std::uint32_t saturate(std::size_t value) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(value, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(static_cast<unsigned char>(c)); }));
}

std::size_t code_point_end(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return text.size();
  const std::size_t length = announced_length(static_cast<unsigned char>(text[offset]));
  std::size_t end = offset + 1;
  for (std::size_t k = 1; k < length && end < text.size(); ++k, ++end) {
    if (!is_continuation(static_cast<unsigned char>(text[end]))) break;
  }
  return end;
}

// The BOM belongs to no line: line 1 starts after it, so columns, line_text() and
// line_start() all agree on where the first character is.
LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(text.starts_with(kBom) ? kBom.size() : 0);
  // Without a '\r' (most text), memchr finds the breaks: a faulty request's index is
  // built for a few positions, and a loop over its bytes cost more than they did.
  if (text.find('\r') == std::string_view::npos) {
    for (std::size_t at = text.find('\n', line_starts_.front()); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
      line_starts_.push_back(at + 1);
    }
    return;
  }
  for (std::size_t i = line_starts_.front(); i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) > '\r') continue;  // most bytes: no test below can hold
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;  // "\r\n" is one break: the next line starts after the '\n'
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\n' || text[i] == '\r') {
      line_starts_.push_back(i + 1);
    }
  }
}

// Offsets inside the BOM map to the first column of line 1.
Position LineIndex::position(std::size_t byte_offset) const {
  const std::size_t offset = std::clamp(byte_offset, line_starts_.front(), text_.size());
  const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::size_t>(next_line - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  // Up to the end of the line's leading ASCII run, found once per line, a column is a
  // byte: a faulty request's ranges alternate between begins and ends, which sent the
  // cursor back to the line's start for nearly every position. The search stops at the
  // line's end, so that each line of a long text is searched once, not to the text's end.
  if (ascii_line_ != line_index) {
    const std::size_t line_end = line_index + 1 < line_starts_.size() ? line_starts_[line_index + 1] : text_.size();
    ascii_line_ = line_index;
    ascii_end_ = ascii_run_end(text_.substr(0, line_end), start);
  }
  std::size_t from = std::min(offset, ascii_end_);
  std::size_t columns_before = from - start;
  // Past that, resume from the previous answer when it lies further on the same line at
  // a sequence boundary, so that many positions on one long (minified) line cost one
  // walk instead of one walk each.
  if (cursor_line_ == line_index && cursor_offset_ <= offset && cursor_offset_ > from &&
      (cursor_offset_ == text_.size() || !is_continuation(static_cast<unsigned char>(text_[cursor_offset_])))) {
    from = cursor_offset_;
    columns_before = cursor_columns_;
  }
  columns_before += count_code_points(text_.substr(from, offset - from));
  cursor_line_ = line_index;
  cursor_offset_ = offset;
  cursor_columns_ = columns_before;
  return Position{saturate(line_index + 1), saturate(columns_before + 1)};
}

// An `end_offset` before `begin_offset` is taken as `begin_offset` (an empty range).
Range LineIndex::range(std::size_t begin_offset, std::size_t end_offset) const {
  return Range{position(begin_offset), position(std::max(begin_offset, end_offset))};
}

std::size_t LineIndex::offset(Position position, OffsetCursor& cursor) const {
  if (position.line == 0) return line_starts_.front();
  if (position.line > line_starts_.size()) return text_.size();
  const std::string_view line = line_text(position.line);
  const std::size_t start = line_starts_[position.line - 1];
  std::size_t at = start;
  std::uint32_t column = 1;
  if (cursor.line == position.line && cursor.column != 0 && cursor.column <= position.column) {
    at = cursor.offset;
    column = cursor.column;
  }
  const std::size_t line_end = start + line.size();
  while (column < position.column && at < line_end) {
    at = start + code_point_end(line, at - start);
    ++column;
  }
  cursor = OffsetCursor{position.line, column, at};
  return at;
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) {
    return {};
  }
  const std::size_t start = line_starts_[line - 1];
  if (line == line_starts_.size()) {
    return text_.substr(start);
  }
  std::size_t end = line_starts_[line];  // just past this line's break
  const bool crlf = end - start >= 2 && text_[end - 2] == '\r' && text_[end - 1] == '\n';
  end -= crlf ? 2 : 1;
  return text_.substr(start, end - start);
}

// Lines out of range (including 0) start at the end of the text.
std::size_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) {
    return text_.size();
  }
  return line_starts_[line - 1];
}

}  // namespace appflow_lint::source_map
