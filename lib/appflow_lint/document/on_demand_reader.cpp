#include "appflow_lint/document/on_demand_reader.hpp"

#include <cstdint>

#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::document {
namespace {

namespace od = simdjson::ondemand;

struct OnDemandReader {
  const char* base;  // the padded copy of the text
  std::size_t size;
  TreeAssembly& assembly;

  std::uint32_t offset(const char* at) const { return static_cast<std::uint32_t>(at - base); }

  // A string written without escapes is its own value: the tree points into the padded
  // text, and simdjson does not copy it into its string buffer. `written` is what lies
  // between the quotes; stage 1 has validated its UTF-8 and refused raw control
  // characters in it.
  static bool unescaped(std::string_view written, std::string_view& value) {
    if (written.find('\\') != std::string_view::npos) return false;
    value = written;
    return true;
  }

  // A token's end: its text without the blanks simdjson counts with it.
  std::uint32_t token_end(std::string_view token) const {
    std::size_t length = token.size();
    while (length > 0 && ascii::is_json_whitespace(token[length - 1])) --length;
    return offset(token.data() + length);
  }

  // Just past a container's closing bracket: the last non-blank byte before `next`
  // (the token after the container, or the end of the text).
  std::uint32_t container_end(od::document& doc) const {
    const char* next = base + size;
    if (auto location = doc.current_location(); !location.error()) next = location.value_unsafe();
    while (next > base && ascii::is_json_whitespace(next[-1])) --next;
    return offset(next);
  }

  bool read_object(od::value value, od::document& doc, std::size_t depth, Node& out) {
    if (assembly.too_deep(depth)) return false;
    const std::uint32_t begin = offset(value.raw_json_token().data());
    od::object object;
    if (value.get_object().get(object)) return false;
    const std::size_t first = assembly.open_object();
    for (auto field_result : object) {
      od::field field;
      if (std::move(field_result).get(field)) return false;
      const char* key_quote = field.key().raw() - 1;
      Member member;
      member.key_begin = offset(key_quote);
      if (!read(field.value(), doc, depth + 1, member.value)) return false;
      // The key ends at the quote before the colon that precedes the value.
      const char* at = base + member.value.begin();
      while (at > key_quote && *(at - 1) != ':') --at;
      --at;
      while (at > key_quote && ascii::is_json_whitespace(*(at - 1))) --at;
      member.key_end = offset(at);
      const std::string_view written(key_quote + 1, static_cast<std::size_t>(at - key_quote) - 2);
      if (!unescaped(written, member.key) && field.unescaped_key().get(member.key)) return false;
      if (!assembly.add_member(first, member)) return false;
    }
    return assembly.close_object(first, begin, container_end(doc), out);
  }

  bool read_array(od::value value, od::document& doc, std::size_t depth, Node& out) {
    if (assembly.too_deep(depth)) return false;
    const std::uint32_t begin = offset(value.raw_json_token().data());
    od::array array;
    if (value.get_array().get(array)) return false;
    const std::size_t first = assembly.open_array();
    for (auto element_result : array) {
      od::value element;
      if (std::move(element_result).get(element)) return false;
      Node child = Node::null();
      if (!read(element, doc, depth + 1, child) || !assembly.add_element(first, child)) return false;
    }
    assembly.close_array(first, begin, container_end(doc), out);
    return true;
  }

  bool read(od::value value, od::document& doc, std::size_t depth, Node& out) {
    od::json_type type;
    if (value.type().get(type)) return false;
    if (type == od::json_type::object) return read_object(value, doc, depth, out);
    if (type == od::json_type::array) return read_array(value, doc, depth, out);
    const std::string_view token = value.raw_json_token();
    const std::uint32_t begin = offset(token.data());
    const std::uint32_t end = token_end(token);
    switch (type) {
      case od::json_type::string: {
        std::string_view text;
        if (unescaped(std::string_view(base + begin + 1, end - begin - 2), text)) {
          if (value.get_raw_json_string().error()) return false;  // consumes the string
        } else if (value.get_string().get(text)) {
          return false;
        }
        out = Node::of_string(text);
        break;
      }
      case od::json_type::number: {
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
        break;
      }
      case od::json_type::boolean: {
        bool flag;
        if (value.get_bool().get(flag)) return false;
        out = Node::of_bool(flag);
        break;
      }
      case od::json_type::null: {
        bool null = false;  // `null` followed by junk is typed null but fails here (found by the fuzzer)
        if (value.is_null().get(null) || !null) return false;
        out = Node::null();
        break;
      }
      default:
        return false;
    }
    out.locate(begin, end);
    return true;
  }
};

}  // namespace

bool read_on_demand(od::parser& parser, std::string_view padded, std::string_view text, TreeAssembly& assembly,
                    Node& root) {
  od::document doc;
  if (parser.iterate(padded.data(), text.size(), padded.size()).get(doc)) return false;
  od::value value;
  if (doc.get_value().get(value)) return false;
  OnDemandReader reader{padded.data(), text.size(), assembly};
  // Every simdjson call above goes through error codes; a simdjson_error from an
  // implicit conversion missed there must still only send the text the exact way.
  try {
    if (!reader.read(value, doc, 1, root)) return false;
  } catch (const simdjson::simdjson_error&) {
    return false;
  }
  // Nothing but blanks may follow the root (simdjson 3.0's document has no at_end()).
  for (std::size_t i = root.end(); i < text.size(); ++i) {
    if (!ascii::is_json_whitespace(text[i])) return false;
  }
  return true;
}

}  // namespace appflow_lint::document
