// Spans of string-literal contents that are not object keys, in text that may
// not be valid JSON. Used to mask every value of a document that failed to parse,
// since without a parse nothing tells which member a secret belongs to.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace appflow_lint::source_map {

// [begin, end) byte spans of the contents between the quotes (an unterminated
// string runs to the end of its line).
std::vector<std::pair<std::size_t, std::size_t>> value_string_spans(std::string_view text);

}  // namespace appflow_lint::source_map
