// Where a cursor is in a JSON document that may be half typed: the path to the object
// or array holding it, whether it is on a member name or a value, and the token there.
// Hover and completion (schema_help.hpp) look the path up in a request schema.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace appflow_lint::server {

// Byte offsets into the document, [begin, end); empty where nothing is typed yet.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;

  bool empty() const noexcept { return begin == end; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// One step from a container to a child: a member name (as decoded from the key) or an
// array index.
using PathStep = std::variant<std::string, std::size_t>;

enum class CursorRole : std::uint8_t {
  Other,         // outside any object or array, or where no member or element fits
  MemberName,    // on a key, or where a new key would go (after `{` or `,`)
  MemberValue,   // on a member's value, or where it would go (after `:`)
  ArrayElement,  // on an element of an array, or where one would go
};

struct CursorContext {
  CursorRole role = CursorRole::Other;
  // Root to the container holding the cursor (empty: the top-level object).
  std::vector<PathStep> container_path;
  // MemberName: the key under the cursor, decoded (empty where a new key would go).
  // MemberValue: the member whose value it is.
  std::string member;
  std::size_t element_index = 0;  // ArrayElement
  // The string or bare word under the cursor (a closing quote included when typed),
  // or an empty range at the cursor.
  ByteRange token;
  bool token_is_string = false;  // the token starts with '"'
  bool colon_follows = false;    // MemberName: a ':' already follows the token
  // MemberName and MemberValue: every key of the containing object, before and after
  // the cursor, except the key under the cursor itself. In document order.
  std::vector<std::string> present_members;
};

// Never fails: text that is not JSON, or a cursor nesting deeper than the cap, gives
// CursorRole::Other. An offset past the end is taken as the end. Linear in text.size().
CursorContext locate_cursor(std::string_view text, std::size_t offset);

}  // namespace appflow_lint::server
