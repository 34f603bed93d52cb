#include "appflow_lint/document/text_builder.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include <simdjson.h>

namespace appflow_lint::document {
namespace {

namespace od = simdjson::ondemand;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Reader {
  const char* base;  // the padded copy of the text
  std::size_t size;
  Tree& tree;
  std::size_t max_depth;
  std::size_t max_entries;
  // Scratch stacks reused across containers, so a document allocates only in the arena.
  std::vector<Member>& member_stack;
  std::vector<Node>& element_stack;
  std::vector<std::string_view>& keys;

  bool has_repeated_key(std::size_t first) {
    const std::size_t count = member_stack.size() - first;
    if (count <= 32) {
      for (std::size_t i = first + 1; i < member_stack.size(); ++i) {
        for (std::size_t j = first; j < i; ++j) {
          if (member_stack[j].key == member_stack[i].key) return true;
        }
      }
      return false;
    }
    keys.clear();
    for (std::size_t i = first; i < member_stack.size(); ++i) keys.push_back(member_stack[i].key);
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
  }

  std::uint32_t offset(const char* at) const { return static_cast<std::uint32_t>(at - base); }

  // A string written without escapes is its own value: the tree points into the padded
  // text, and simdjson does not copy it into its string buffer (a JWT or a certificate
  // is hundreds of bytes). `written` is what lies between the quotes; stage 1 has
  // validated its UTF-8 and refused raw control characters in it.
  static bool unescaped(std::string_view written, std::string_view& value) {
    if (written.find('\\') != std::string_view::npos) return false;
    value = written;
    return true;
  }

  // A token's end: its text without the blanks simdjson counts with it.
  std::uint32_t token_end(std::string_view token) const {
    std::size_t length = token.size();
    while (length > 0 && is_blank(token[length - 1])) --length;
    return offset(token.data() + length);
  }

  // Just past a container's closing bracket: the last non-blank byte before `next`
  // (the token after the container, or the end of the text).
  std::uint32_t container_end(od::document& doc) const {
    const char* next = base + size;
    if (auto location = doc.current_location(); !location.error()) next = location.value_unsafe();
    while (next > base && is_blank(next[-1])) --next;
    return offset(next);
  }

  bool read(od::value value, od::document& doc, std::size_t depth, Node& out) {
    od::json_type type;
    if (value.type().get(type)) return false;
    std::string_view token;
    switch (type) {
      case od::json_type::object: {
        if (depth >= max_depth) return false;
        token = value.raw_json_token();
        const std::uint32_t begin = offset(token.data());
        od::object object;
        if (value.get_object().get(object)) return false;
        const std::size_t first = member_stack.size();
        for (auto field_result : object) {
          od::field field;
          if (std::move(field_result).get(field)) return false;
          const char* key_quote = field.key().raw() - 1;
          Member member;
          member.key_begin = offset(key_quote);
          Node child = Node::null();
          if (!read(field.value(), doc, depth + 1, child)) return false;
          // The key ends at the quote before the colon that precedes the value.
          const char* at = base + child.begin();
          while (at > key_quote && *(at - 1) != ':') --at;
          --at;
          while (at > key_quote && is_blank(*(at - 1))) --at;
          member.key_end = offset(at);
          const std::string_view written(key_quote + 1, static_cast<std::size_t>(at - key_quote) - 2);
          if (!unescaped(written, member.key)) {
            if (field.unescaped_key().get(member.key)) return false;
          }
          member.value = child;
          member_stack.push_back(member);
          if (member_stack.size() - first > max_entries) return false;
        }
        const std::size_t count = member_stack.size() - first;
        if (has_repeated_key(first)) return false;  // the exact path reports it
        auto* members = static_cast<Member*>(tree.arena()->allocate(sizeof(Member) * count, alignof(Member)));
        for (std::size_t i = 0; i < count; ++i) new (members + i) Member(member_stack[first + i]);
        member_stack.resize(first);
        out = Node::of_object(members, static_cast<std::uint32_t>(count));
        out.locate(begin, container_end(doc));
        return true;
      }
      case od::json_type::array: {
        if (depth >= max_depth) return false;
        token = value.raw_json_token();
        const std::uint32_t begin = offset(token.data());
        od::array array;
        if (value.get_array().get(array)) return false;
        const std::size_t first = element_stack.size();
        for (auto element_result : array) {
          od::value element;
          if (std::move(element_result).get(element)) return false;
          Node child = Node::null();
          if (!read(element, doc, depth + 1, child)) return false;
          element_stack.push_back(child);
          if (element_stack.size() - first > max_entries) return false;
        }
        const std::size_t count = element_stack.size() - first;
        auto* elements = static_cast<Node*>(tree.arena()->allocate(sizeof(Node) * count, alignof(Node)));
        for (std::size_t i = 0; i < count; ++i) new (elements + i) Node(element_stack[first + i]);
        element_stack.resize(first);
        out = Node::of_array(elements, static_cast<std::uint32_t>(count));
        out.locate(begin, container_end(doc));
        return true;
      }
      case od::json_type::string: {
        token = value.raw_json_token();
        const std::uint32_t begin = offset(token.data());
        const std::uint32_t end = token_end(token);
        std::string_view text;
        if (unescaped(std::string_view(base + begin + 1, end - begin - 2), text)) {
          if (value.get_raw_json_string().error()) return false;  // consumes the string
        } else if (value.get_string().get(text)) {
          return false;
        }
        out = Node::of_string(text);
        out.locate(begin, end);
        return true;
      }
      case od::json_type::number: {
        token = value.raw_json_token();
        od::number_type number_type;
        if (value.get_number_type().get(number_type)) return false;
        if (number_type == od::number_type::signed_integer) {
          std::int64_t number;
          if (value.get_int64().get(number)) return false;
          out = Node::of_integer(number);
        } else if (number_type == od::number_type::unsigned_integer) {
          std::uint64_t number;
          if (value.get_uint64().get(number)) return false;
          out = Node::of_unsigned(number);
        } else {
          double number;
          if (value.get_double().get(number)) return false;
          out = Node::of_float(number);
        }
        out.locate(offset(token.data()), token_end(token));
        return true;
      }
      case od::json_type::boolean: {
        token = value.raw_json_token();
        bool flag;
        if (value.get_bool().get(flag)) return false;
        out = Node::of_bool(flag);
        out.locate(offset(token.data()), token_end(token));
        return true;
      }
      case od::json_type::null: {
        token = value.raw_json_token();
        bool null = false;  // `null` followed by junk is typed null but fails here (found by the fuzzer)
        if (value.is_null().get(null) || !null) return false;
        out = Node::null();
        out.locate(offset(token.data()), token_end(token));
        return true;
      }
    }
    return false;
  }
};

}  // namespace

struct TextBuilder::State {
  od::parser parser;
  std::vector<char> padded;
  std::vector<Member> member_stack;
  std::vector<Node> element_stack;
  std::vector<std::string_view> keys;
};

TextBuilder::TextBuilder() : state_(std::make_unique<State>()) {}
TextBuilder::~TextBuilder() = default;

bool TextBuilder::build(std::string_view text, Tree& tree, std::size_t max_depth, std::size_t max_entries) {
  // Only an object or array at the root (after blanks, no BOM): anything else is rare
  // enough for the exact path.
  std::size_t start = 0;
  while (start < text.size() && is_blank(text[start])) ++start;
  if (start == text.size() || (text[start] != '{' && text[start] != '[')) return false;
  if (text.size() >= kNoOffset - simdjson::SIMDJSON_PADDING) return false;
  State& state = *state_;
  state.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(state.padded.data(), text.data(), text.size());
  std::memset(state.padded.data() + text.size(), ' ', simdjson::SIMDJSON_PADDING);
  od::document doc;
  if (state.parser.iterate(state.padded.data(), text.size(), state.padded.size()).get(doc)) return false;
  state.member_stack.clear();
  state.element_stack.clear();
  Reader reader{state.padded.data(), text.size(),         tree,      max_depth, max_entries,
                state.member_stack,  state.element_stack, state.keys};
  od::value root;
  if (doc.get_value().get(root)) return false;
  Node node = Node::null();
  // Every simdjson call above goes through error codes; a simdjson_error from an
  // implicit conversion missed there must still only send the text the exact way.
  try {
    if (!reader.read(root, doc, 1, node)) return false;
  } catch (const simdjson::simdjson_error&) {
    return false;
  }
  // Nothing but blanks may follow the root (simdjson 3.0's document has no at_end()).
  for (std::size_t i = node.end(); i < text.size(); ++i) {
    if (!is_blank(text[i])) return false;
  }
  tree.set_root(node);
  return true;
}

}  // namespace appflow_lint::document
