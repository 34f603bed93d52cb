// RFC 6901 JSON Pointers: the only place that escapes and unescapes ~0 / ~1.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::json_pointer {

// "a/b~c" -> "a~1b~0c"
std::string escape_token(std::string_view token);
// Appends "/" and the escaped token (or the index) to `pointer`: a pointer built step
// by step in one string instead of a new string per step.
void append_token(std::string& pointer, std::string_view token);
void append_index(std::string& pointer, std::size_t index);

// The pointer to member `name` (or element `index`) of the value at `parent`.
std::string child(std::string_view parent, std::string_view name);
std::string child(std::string_view parent, std::size_t index);

// "/a~1b/0" -> {"a/b", "0"}; "" -> {}. Malformed escapes are kept verbatim.
std::vector<std::string> split(std::string_view pointer);

// The tokens of a pointer one at a time, as split() gives them, copying only a token
// that has an escape to undo: for walks that stop early or only look (a pointer is
// split for every diagnostic of a request).
class TokenReader {
 public:
  explicit TokenReader(std::string_view pointer);

  // The next token, unescaped (valid until the next call), or std::nullopt after the last.
  std::optional<std::string_view> next();
  // The pointer's text before the token next() returned last: the pointer of its parent.
  std::string_view before() const noexcept { return pointer_.substr(0, token_begin_ == 0 ? 0 : token_begin_ - 1); }
  // The token next() returned last, as the pointer writes it (escaped).
  std::string_view escaped() const noexcept { return pointer_.substr(token_begin_, token_end_ - token_begin_); }

 private:
  std::string_view pointer_;
  std::size_t next_begin_;
  std::size_t token_begin_ = 0;
  std::size_t token_end_ = 0;
  bool done_;
  std::string unescaped_;
};

// The last token, unescaped ("" for the root).
std::string last_token(std::string_view pointer);

// The pointer of the parent ("" for the root and its direct children).
std::string_view parent(std::string_view pointer);

}  // namespace appflow_lint::json_pointer
