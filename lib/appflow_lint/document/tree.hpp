// The request as the engine reads it: a compact, read-only tree whose strings and
// keys are views (into the parser's buffers or a caller's nlohmann::json) and whose
// nodes carry the byte offsets of their key and value when built from text. One
// arena per tree; nothing is freed node by node.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory_resource>
#include <span>
#include <string_view>

namespace appflow_lint::document {

enum class Kind : std::uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

inline constexpr std::uint32_t kNoOffset = UINT32_MAX;

struct Member;

class Node {
 public:
  Node() noexcept : Node(Kind::Null) {}
  Kind kind() const noexcept { return kind_; }
  bool is_null() const noexcept { return kind_ == Kind::Null; }
  bool is_boolean() const noexcept { return kind_ == Kind::Boolean; }
  bool is_string() const noexcept { return kind_ == Kind::String; }
  bool is_object() const noexcept { return kind_ == Kind::Object; }
  bool is_array() const noexcept { return kind_ == Kind::Array; }
  bool is_structured() const noexcept { return is_object() || is_array(); }
  bool is_number() const noexcept { return kind_ == Kind::Integer || kind_ == Kind::Unsigned || kind_ == Kind::Float; }
  bool is_number_integer() const noexcept { return kind_ == Kind::Integer || kind_ == Kind::Unsigned; }
  bool is_number_float() const noexcept { return kind_ == Kind::Float; }

  bool boolean() const noexcept { return value_.boolean; }
  std::int64_t integer() const noexcept { return value_.integer; }
  std::uint64_t unsigned_integer() const noexcept { return value_.unsigned_integer; }
  double number() const noexcept;  // any number, as a double
  std::string_view string() const noexcept { return {value_.text, size_}; }

  std::span<const Member> members() const noexcept;
  std::span<const Node> elements() const noexcept { return {value_.elements, size_}; }
  std::size_t size() const noexcept { return is_structured() ? size_ : 0; }

  // The member named `name` (the last one, where a key repeats), or nullptr; nullptr
  // for a node that is not an object.
  const Node* find(std::string_view name) const noexcept;
  // The same lookup, giving the member (its key and its offsets).
  const Member* find_member(std::string_view name) const noexcept;
  const Node* element(std::size_t index) const noexcept {
    return is_array() && index < size_ ? value_.elements + index : nullptr;
  }

  // Byte offsets of the value in the source text; kNoOffset without text.
  std::uint32_t begin() const noexcept { return begin_; }
  std::uint32_t end() const noexcept { return end_; }
  bool located() const noexcept { return begin_ != kNoOffset; }

  // Set by the engine's walk when a schema check reported this node, so rules that
  // would only restate the fault can skip it. The walk runs before any rule reads it.
  bool schema_faulted() const noexcept { return faulted_; }
  void mark_schema_faulted() const noexcept { faulted_ = true; }

  // Inline: the readers make one for every value of every request, and a call returns
  // the node through memory, which the reader then reads back at once.
  static Node null() noexcept { return Node(Kind::Null); }
  static Node of_bool(bool value) noexcept {
    Node node(Kind::Boolean);  // the union's other bytes stay zero
    node.value_.boolean = value;
    return node;
  }
  static Node of_integer(std::int64_t value) noexcept { return Node(Kind::Integer, {.integer = value}); }
  static Node of_unsigned(std::uint64_t value) noexcept { return Node(Kind::Unsigned, {.unsigned_integer = value}); }
  static Node of_float(double value) noexcept { return Node(Kind::Float, {.floating = value}); }
  static Node of_string(std::string_view text) noexcept {
    return Node(Kind::String, {.text = text.data()}, static_cast<std::uint32_t>(text.size()));
  }
  static Node of_object(const Member* members, std::uint32_t count) noexcept {
    return Node(Kind::Object, {.members = members}, count);
  }
  static Node of_array(const Node* elements, std::uint32_t count) noexcept {
    return Node(Kind::Array, {.elements = elements}, count);
  }
  void locate(std::uint32_t begin, std::uint32_t end) noexcept {
    begin_ = begin;
    end_ = end;
  }

 private:
  union Value {
    bool boolean;
    std::int64_t integer;
    std::uint64_t unsigned_integer;
    double floating;
    const char* text;
    const Member* members;
    const Node* elements;
  };

  explicit Node(Kind kind) noexcept : kind_(kind) {}
  // `value` sets one of the union's 8-byte members.
  Node(Kind kind, Value value, std::uint32_t size = 0) noexcept : kind_(kind), size_(size), value_(value) {}

  Kind kind_;
  mutable bool faulted_ = false;
  std::uint32_t size_ = 0;  // string bytes, members or elements
  std::uint32_t begin_ = kNoOffset;
  std::uint32_t end_ = kNoOffset;
  Value value_{};
};

struct Member {
  std::string_view key;
  std::uint32_t key_begin = kNoOffset;  // the key's opening quote
  std::uint32_t key_end = kNoOffset;    // just past its closing quote
  Node value = Node::null();
};

inline std::span<const Member> Node::members() const noexcept {
  return is_object() ? std::span<const Member>{value_.members, size_} : std::span<const Member>{};
}

// Owns the nodes of one document. Strings stay where the builder found them.
class Tree {
 public:
  Tree() : arena_(initial_, sizeof(initial_)) {}
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  const Node& root() const noexcept { return root_; }
  void set_root(const Node& root) noexcept { root_ = root; }
  std::pmr::memory_resource* arena() noexcept { return &arena_; }

 private:
  alignas(std::max_align_t) char initial_[16 * 1024];
  std::pmr::monotonic_buffer_resource arena_;
  Node root_ = Node::null();
};

// The node at an RFC 6901 pointer, or nullptr.
const Node* find_pointer(const Node& root, std::string_view pointer);

// The node at a pointer and, when it is an object member, that member (for the key's
// offsets); both nullptr when the pointer names no node.
struct Location {
  const Node* node = nullptr;
  const Member* member = nullptr;
};
Location locate(const Node& root, std::string_view pointer);

}  // namespace appflow_lint::document
