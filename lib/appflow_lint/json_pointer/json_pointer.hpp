// RFC 6901 JSON Pointers: the only place that escapes and unescapes ~0 / ~1.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::json_pointer {

// "a/b~c" -> "a~1b~0c"
std::string escape_token(std::string_view token);

// The pointer to member `name` (or element `index`) of the value at `parent`.
std::string child(std::string_view parent, std::string_view name);
std::string child(std::string_view parent, std::size_t index);

// "/a~1b/0" -> {"a/b", "0"}; "" -> {}. Malformed escapes are kept verbatim.
std::vector<std::string> split(std::string_view pointer);

// The last token, unescaped ("" for the root).
std::string last_token(std::string_view pointer);

// The pointer of the parent ("" for the root and its direct children).
std::string_view parent(std::string_view pointer);

}  // namespace appflow_lint::json_pointer
