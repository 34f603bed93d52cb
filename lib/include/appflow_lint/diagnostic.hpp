// Diagnostics: what a lint run reports about one document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint {

// `Error`: the service or an AWS SDK would reject the request.
// `Warning`: accepted, but very likely a mistake. `Info`: worth knowing.
enum class Severity : std::uint8_t { Info, Warning, Error };

std::string_view to_string(Severity severity) noexcept;

// 1-based line and column; columns count Unicode code points.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  // Written out, not defaulted: the public headers compile as C++17 too.
  friend constexpr bool operator==(const Position& a, const Position& b) noexcept {
    return a.line == b.line && a.column == b.column;
  }
  friend constexpr bool operator!=(const Position& a, const Position& b) noexcept { return !(a == b); }
};

// Half-open: `end` is the position just past the last character.
struct Range {
  Position start;
  Position end;
  friend constexpr bool operator==(const Range& a, const Range& b) noexcept {
    return a.start == b.start && a.end == b.end;
  }
  friend constexpr bool operator!=(const Range& a, const Range& b) noexcept { return !(a == b); }
};

struct TextEdit {
  Range range;
  std::string text;  // replaces the text inside `range`
};

// Whether applying a suggestion's edit keeps the request's meaning (`Safe`: a
// case-only rename to the model's spelling, "true" -> true), which `--fix` applies,
// or changes a value (`Unsafe`: characters replaced to fit a pattern, the nearest
// name), which only `--fix --unsafe-fixes` applies. Unsafe unless a rule says so.
enum class Applicability : std::uint8_t { Safe, Unsafe };

std::string_view to_string(Applicability applicability) noexcept;

struct Suggestion {
  std::string message;
  std::optional<TextEdit> replacement;  // absent when the fix cannot be expressed as one edit
  Applicability applicability = Applicability::Unsafe;
};

struct Diagnostic {
  std::string rule;  // stable id, e.g. "schema.pattern"
  Severity severity = Severity::Error;
  std::string message;         // never contains the value of a sensitive member
  std::string pointer;         // RFC 6901 JSON Pointer into the document
  std::optional<Range> range;  // absent when linting a value without source text
  std::vector<Suggestion> suggestions;
};

}  // namespace appflow_lint
