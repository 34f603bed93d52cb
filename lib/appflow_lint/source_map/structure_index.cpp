#include "appflow_lint/source_map/structure_index.hpp"

#include <cstring>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/text/ascii.hpp"

// How `spans_` is keyed. Keying it by full JSON Pointer would make the index quadratic
// in the nesting depth (a 100,000-deep array has pointers of up to 200,000 bytes each),
// so each node is instead keyed by its parent and its own token:
//   the root:        ""  (the empty string)
//   any other node:  the parent's value_begin as 8 raw bytes, then the unescaped token
// value_begin identifies a node because no two values start at the same byte. Child
// keys are never empty, so they cannot collide with the root. find() walks the pointer
// one token at a time. A member whose key repeats replaces the earlier one under the
// same key; the earlier member's subtree stays in the map but is unreachable.

namespace appflow_lint::source_map {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

using SpanMap = std::unordered_map<std::string, NodeSpan>;

std::string child_key(std::size_t parent_begin, std::string_view token) {
  std::string key(sizeof parent_begin + token.size(), '\0');
  std::memcpy(key.data(), &parent_begin, sizeof parent_begin);
  std::memcpy(key.data() + sizeof parent_begin, token.data(), token.size());
  return key;
}

// The member name as nlohmann stores it. Keys without escapes (nearly all) are copied
// as they are; the rest are decoded by nlohmann itself, so \uXXXX, surrogate pairs and
// the other escapes come out byte for byte as in the parsed value.
std::string decode_key(std::string_view quoted) {
  if (quoted.size() < 2) {
    return std::string(quoted);
  }
  if (quoted.find('\\') == std::string_view::npos) {
    return std::string(quoted.substr(1, quoted.size() - 2));
  }
  const auto decoded = nlohmann::json::parse(quoted, nullptr, /*allow_exceptions=*/false);
  return decoded.is_string() ? decoded.get<std::string>() : std::string(quoted);
}

// One pass over the text with an explicit stack of open containers. Input that is not
// valid JSON stops the scan early (leaving a partial index) but never reads out of range.
class Scanner {
 public:
  Scanner(std::string_view text, SpanMap& spans, std::vector<std::pair<std::size_t, std::size_t>>& repeated_keys)
      : text_(text), spans_(spans), repeated_keys_(repeated_keys) {}

  void run() {
    pos_ = text_.starts_with(kBom) ? kBom.size() : 0;
    skip_whitespace();
    if (!open_value(std::string{}, NodeSpan::kNone, NodeSpan::kNone)) {
      return;
    }
    while (!open_.empty() && step()) {
    }
  }

 private:
  struct OpenContainer {
    NodeSpan* span;  // stable: unordered_map never moves its elements
    bool is_object;
    std::size_t next_index;  // for arrays
  };

  // Consumes one separator, closing bracket or member/element; false to stop.
  bool step() {
    skip_whitespace();
    if (pos_ >= text_.size()) {
      return false;
    }
    const char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      return true;
    }
    if (c == ']' || c == '}') {
      open_.back().span->value_end = ++pos_;
      open_.pop_back();
      return true;
    }
    OpenContainer& container = open_.back();
    if (container.is_object) {
      return open_member(container.span->value_begin);
    }
    const std::size_t index = container.next_index++;
    return open_value(child_key(container.span->value_begin, std::to_string(index)), NodeSpan::kNone, NodeSpan::kNone);
  }

  bool open_member(std::size_t object_begin) {
    if (text_[pos_] != '"') {
      return false;
    }
    const std::size_t key_begin = pos_;
    const std::size_t key_end = skip_string(key_begin);
    const std::string name = decode_key(text_.substr(key_begin, key_end - key_begin));
    pos_ = key_end;
    skip_whitespace();
    if (pos_ >= text_.size() || text_[pos_] != ':') {
      return false;
    }
    ++pos_;
    skip_whitespace();
    return open_value(child_key(object_begin, name), key_begin, key_end);
  }

  // Records the value at pos_; a container is opened and finished later by step().
  bool open_value(std::string key, std::size_t key_begin, std::size_t key_end) {
    if (pos_ >= text_.size()) {
      return false;
    }
    NodeSpan span{key_begin, key_end, pos_, pos_};
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      ++pos_;
      const auto [slot, inserted] = spans_.insert_or_assign(std::move(key), span);
      if (!inserted && span.has_key()) repeated_keys_.emplace_back(key_begin, key_end);
      NodeSpan& stored = slot->second;
      open_.push_back(OpenContainer{&stored, c == '{', 0});
      return true;
    }
    pos_ = c == '"' ? skip_string(pos_) : skip_scalar(pos_);
    if (pos_ == span.value_begin) {
      return false;
    }
    span.value_end = pos_;
    if (!spans_.insert_or_assign(std::move(key), span).second && span.has_key()) {
      repeated_keys_.emplace_back(key_begin, key_end);
    }
    return true;
  }

  // From an opening quote to just past the closing quote (or the end of the text).
  std::size_t skip_string(std::size_t quote) const {
    std::size_t i = quote + 1;
    while (true) {
      i = text_.find_first_of("\"\\", i);
      if (i == std::string_view::npos) {
        return text_.size();
      }
      if (text_[i] == '"') {
        return i + 1;
      }
      i += 2;  // a backslash and the character it escapes
      if (i >= text_.size()) {
        return text_.size();
      }
    }
  }

  // A number or literal ends at whitespace or structure.
  std::size_t skip_scalar(std::size_t begin) const {
    std::size_t i = begin;
    while (i < text_.size() && !ascii::is_json_whitespace(text_[i]) && text_[i] != ',' && text_[i] != ']' &&
           text_[i] != '}' && text_[i] != ':') {
      ++i;
    }
    return i;
  }

  void skip_whitespace() {
    while (pos_ < text_.size() && ascii::is_json_whitespace(text_[pos_])) {
      ++pos_;
    }
  }

  std::string_view text_;
  SpanMap& spans_;
  std::vector<std::pair<std::size_t, std::size_t>>& repeated_keys_;
  std::size_t pos_ = 0;
  std::vector<OpenContainer> open_;
};

}  // namespace

StructureIndex StructureIndex::build(std::string_view text) {
  StructureIndex index;
  Scanner(text, index.spans_, index.repeated_keys_).run();
  return index;
}

const NodeSpan* StructureIndex::find(std::string_view pointer) const {
  if (!pointer.empty() && pointer.front() != '/') {
    return nullptr;  // not a JSON Pointer
  }
  auto found = spans_.find(std::string{});
  for (const std::string& token : json_pointer::split(pointer)) {
    if (found == spans_.end()) {
      return nullptr;
    }
    found = spans_.find(child_key(found->second.value_begin, token));
  }
  return found == spans_.end() ? nullptr : &found->second;
}

}  // namespace appflow_lint::source_map
