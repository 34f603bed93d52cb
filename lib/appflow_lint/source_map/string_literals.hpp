// Spans of string-literal contents (double- or single-quoted, keys included: a
// credentialsMap key is a secret too), in text that may not be valid JSON. Used to
// mask every string of a document whose structure cannot be trusted (a syntax
// error, or repeated keys whose earlier values the parsed value no longer holds).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace appflow_lint::source_map {

// [begin, end) byte spans of the contents between the quotes (an unterminated
// string runs to the end of its line).
std::vector<std::pair<std::size_t, std::size_t>> string_spans(std::string_view text);

}  // namespace appflow_lint::source_map
