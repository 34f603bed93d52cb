// LSP positions (0-based line, a column in the negotiated code units) and the byte
// offsets and code-point positions the library works in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::server {

enum class PositionEncoding : std::uint8_t { Utf8, Utf16, Utf32 };

std::string_view to_string(PositionEncoding encoding) noexcept;
// The first entry of the client's `positionEncodings` the server supports; UTF-16 (the
// LSP default) when the list is absent or holds none of them.
PositionEncoding negotiate_encoding(const nlohmann::json& client_encodings);

struct LspPosition {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // code units of the negotiated encoding from the line's start
};

// One document's text seen through one encoding. Keeps a view: the text must outlive it.
// Line breaks are those of the library's LineIndex ("\n", "\r\n", "\r"), the LSP's too.
// A conversion resumes from the nearest earlier offset already converted on its line,
// so that the diagnostics of a minified (one-line) document, nested ranges included,
// cost about one walk of the line, not one each. An instance is for one thread.
class PositionMap {
 public:
  PositionMap(std::string_view text, PositionEncoding encoding);

  LspPosition from_offset(std::size_t offset) const;
  // A character past the end of its line is the line's end (as the LSP says); one
  // inside a UTF-16 surrogate pair or a UTF-8 sequence is the start of that character.
  std::size_t to_offset(LspPosition position) const;
  // The library's 1-based line and code-point column.
  LspPosition from_library(Position position) const;
  std::size_t library_offset(Position position) const;

  nlohmann::json to_json(LspPosition position) const;
  nlohmann::json range_json(Range range) const;
  nlohmann::json range_json(std::size_t begin, std::size_t end) const;
  // {"line", "character"} from the client; std::nullopt when malformed.
  static std::optional<LspPosition> parse(const nlohmann::json& position);

 private:
  std::size_t raw_line_start(std::uint32_t line) const;  // 1-based; line 1 includes a BOM
  std::uint32_t line_of(std::size_t offset) const;       // 1-based

  std::string_view text_;
  PositionEncoding encoding_;
  source_map::LineIndex lines_;
  // Answers to resume from: byte offset -> units from its line's start. An entry
  // between a line's start and the offset asked about is on that line.
  mutable std::map<std::size_t, std::size_t> known_units_;
  // Library positions already converted: (line, code-point column) -> byte offset.
  mutable std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> known_columns_;
};

}  // namespace appflow_lint::server
