// The smallest edits that turn one text into another, over whole characters: what
// "fix all" sends, so that text the fixes did not touch (a secret between two fixes
// among it) is never sent back to the editor.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::server {

struct ByteEdit {
  std::size_t begin = 0;  // in the old text
  std::size_t end = 0;
  std::string text;  // the new text there: only characters the new text added
};

// Past this many bytes between the first and the last difference, no edits are
// computed (the diff's cost grows with it) and the caller offers nothing.
inline constexpr std::size_t kMaxDiffBytes = std::size_t{1} << 20U;

// Edits in text order that do not overlap, each starting and ending on a character
// boundary (a code point, or "\r\n" as one); std::nullopt past kMaxDiffBytes.
std::optional<std::vector<ByteEdit>> minimal_edits(std::string_view before, std::string_view after);

}  // namespace appflow_lint::server
