// JSON Pointer -> byte spans of the member key and the value, for text that
// nlohmann::json has already accepted. It tokenises structure only (strings are
// skipped, not decoded except for keys, scalars are skipped): not a second parser.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace appflow_lint::source_map {

struct NodeSpan {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t key_begin = kNone;  // the key's opening quote, for object members
  std::size_t key_end = kNone;    // just past the key's closing quote
  std::size_t value_begin = 0;    // first byte of the value
  std::size_t value_end = 0;      // just past the value's last byte
  bool has_key() const noexcept { return key_begin != kNone; }
};

class StructureIndex {
 public:
  // `text` must be JSON that nlohmann::json accepted (a leading UTF-8 BOM is allowed).
  // Iterative, so deep nesting cannot overflow the stack. Where a key repeats in an
  // object, the last occurrence wins (as in the parsed value).
  static StructureIndex build(std::string_view text);

  // nullptr when the pointer names no node of the document.
  const NodeSpan* find(std::string_view pointer) const;

  // Key spans of every member whose key already appeared in the same object, in
  // document order (the same order in which parse_document lists duplicate_keys).
  const std::vector<std::pair<std::size_t, std::size_t>>& repeated_keys() const noexcept { return repeated_keys_; }

 private:
  // Keyed by the parent's value offset and the member token, not by pointer (see the .cpp).
  std::unordered_map<std::string, NodeSpan> spans_;
  std::vector<std::pair<std::size_t, std::size_t>> repeated_keys_;
};

}  // namespace appflow_lint::source_map
