// Printing part of a JSON value that is printed piece by piece: the pieces come out
// byte for byte as dumping the whole value with an indent of 2 would print them.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace appflow_lint::format {

// Invalid UTF-8 cannot reach here from a parsed document, but replace rather than throw.
inline std::string dump_json(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Appends `value` as it sits `depth` levels deep: every line but the first moves
// right by 2 * depth spaces (the first too when `indent_first`). A JSON string holds
// no raw line break, so every '\n' is between tokens.
inline void append_nested(std::string& out, const nlohmann::ordered_json& value, std::size_t depth, bool indent_first) {
  const std::string indent(2 * depth, ' ');
  if (indent_first) out += indent;
  for (const char c : dump_json(value)) {
    out += c;
    if (c == '\n') out += indent;
  }
}

}  // namespace appflow_lint::format
