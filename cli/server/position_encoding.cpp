#include "server/position_encoding.hpp"

#include <algorithm>
#include <limits>

namespace appflow_lint::server {
namespace {

// Code units of one character (a code point, or one invalid byte as the library counts it).
std::size_t units(std::size_t bytes, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return bytes;
    case PositionEncoding::Utf16:
      return bytes == 4 ? 2 : 1;  // astral characters are a surrogate pair
    case PositionEncoding::Utf32:
      return 1;
  }
  return 1;
}

std::uint32_t saturate(std::size_t value) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(value, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

std::string_view to_string(PositionEncoding encoding) noexcept {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return "utf-8";
    case PositionEncoding::Utf16:
      return "utf-16";
    case PositionEncoding::Utf32:
      return "utf-32";
  }
  return "utf-16";
}

PositionEncoding negotiate_encoding(const nlohmann::json& client_encodings) {
  if (!client_encodings.is_array()) return PositionEncoding::Utf16;
  for (const auto& entry : client_encodings) {
    if (!entry.is_string()) continue;
    const auto& name = entry.get_ref<const std::string&>();
    if (name == "utf-8") return PositionEncoding::Utf8;
    if (name == "utf-16") return PositionEncoding::Utf16;
    if (name == "utf-32") return PositionEncoding::Utf32;
  }
  return PositionEncoding::Utf16;
}

PositionMap::PositionMap(std::string_view text, PositionEncoding encoding)
    : text_(text), encoding_(encoding), lines_(text) {}

std::size_t PositionMap::raw_line_start(std::uint32_t line) const { return line == 1 ? 0 : lines_.line_start(line); }

// The line starts are sorted: a binary search, where LineIndex::position() would also
// count the columns.
std::uint32_t PositionMap::line_of(std::size_t offset) const {
  std::uint32_t low = 1;
  auto high = static_cast<std::uint32_t>(lines_.line_count());
  while (low < high) {
    const std::uint32_t middle = low + (high - low + 1) / 2;
    if (lines_.line_start(middle) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}

LspPosition PositionMap::from_offset(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::uint32_t line = line_of(offset);
  std::size_t at = raw_line_start(line);
  std::size_t count = 0;
  if (encoding_ == PositionEncoding::Utf8) {
    count = offset - at;
  } else {
    auto known = known_units_.upper_bound(offset);
    if (known != known_units_.begin() && (--known)->first >= at) {
      at = known->first;
      count = known->second;
    }
    while (at < offset) {
      const std::size_t next = source_map::code_point_end(text_, at);
      count += units(next - at, encoding_);
      at = next;
    }
    // Only character boundaries are kept (`at` passes an offset inside a character).
    if (at == offset) known_units_.insert_or_assign(offset, count);
  }
  return LspPosition{line - 1, saturate(count)};
}

std::size_t PositionMap::to_offset(LspPosition position) const {
  const std::uint32_t line = position.line + 1;
  if (line > lines_.line_count()) return text_.size();
  std::size_t at = raw_line_start(line);
  const std::size_t line_end = lines_.line_start(line) + lines_.line_text(line).size();
  std::size_t count = 0;
  while (at < line_end && count < position.character) {
    const std::size_t next = std::min(source_map::code_point_end(text_, at), line_end);
    const std::size_t width = units(next - at, encoding_);
    if (count + width > position.character) break;  // inside a character: its start
    count += width;
    at = next;
  }
  return at;
}

std::size_t PositionMap::library_offset(Position position) const {
  if (position.line == 0) return lines_.line_start(1);
  if (position.line > lines_.line_count()) return text_.size();
  const std::size_t start = lines_.line_start(position.line);
  const std::size_t line_end = start + lines_.line_text(position.line).size();
  std::size_t at = start;
  std::uint32_t column = 1;
  auto known = known_columns_.upper_bound({position.line, position.column});
  if (known != known_columns_.begin() && (--known)->first.first == position.line) {
    column = known->first.second;
    at = known->second;
  }
  while (column < position.column && at < line_end) {
    at = std::min(source_map::code_point_end(text_, at), line_end);
    ++column;
  }
  known_columns_.insert_or_assign({position.line, column}, at);
  return at;
}

LspPosition PositionMap::from_library(Position position) const { return from_offset(library_offset(position)); }

nlohmann::json PositionMap::to_json(LspPosition position) const {
  return {{"line", position.line}, {"character", position.character}};
}

nlohmann::json PositionMap::range_json(Range range) const {
  return {{"start", to_json(from_library(range.start))}, {"end", to_json(from_library(range.end))}};
}

nlohmann::json PositionMap::range_json(std::size_t begin, std::size_t end) const {
  return {{"start", to_json(from_offset(begin))}, {"end", to_json(from_offset(end))}};
}

std::optional<LspPosition> PositionMap::parse(const nlohmann::json& position) {
  if (!position.is_object()) return std::nullopt;
  const auto line = position.find("line");
  const auto character = position.find("character");
  if (line == position.end() || character == position.end() || !line->is_number_unsigned() ||
      !character->is_number_unsigned())
    return std::nullopt;
  return LspPosition{saturate(line->get<std::uint64_t>()), saturate(character->get<std::uint64_t>())};
}

}  // namespace appflow_lint::server
