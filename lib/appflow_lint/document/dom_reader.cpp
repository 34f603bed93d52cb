#include "appflow_lint/document/dom_reader.hpp"

#include <cstdint>

#include "appflow_lint/text/ascii.hpp"

// The offsets come from the parser's structural indexes, a member of simdjson 3's
// dom::parser that its own document_stream reads. Another major version may lay them
// out otherwise and must be looked at before it is built against. Every index is
// also checked against the byte it must point at, so a change that slipped past would
// send texts the exact way, not give wrong ranges.
static_assert(simdjson::SIMDJSON_VERSION_MAJOR == 3, "dom_reader reads simdjson 3's structural indexes");

namespace appflow_lint::document {
namespace {

namespace dom = simdjson::dom;

// Walks the DOM and, in step with it, the structural indexes: each value, key, colon,
// comma and closing bracket is one index, in document order.
struct DomReader {
  std::string_view text;
  const std::uint32_t* structurals;
  std::size_t structural_count;
  TreeAssembly& assembly;
  std::size_t next = 0;  // the next structural index to take

  // The offset of the next structural, if its byte is one `starts` accepts (a test of
  // one or two bytes: this runs for every key, value, colon and bracket).
  template <typename Starts>
  bool take(Starts starts, std::uint32_t& at) {
    if (next >= structural_count) return false;
    at = structurals[next];
    if (at >= text.size() || !starts(text[at])) return false;
    ++next;
    return true;
  }
  bool take(char expected, std::uint32_t& at) {
    return take([expected](char c) { return c == expected; }, at);
  }
  static bool starts_number(char c) { return c == '-' || (c >= '0' && c <= '9'); }
  static bool starts_unsigned(char c) { return c >= '0' && c <= '9'; }
  static bool starts_boolean(char c) { return c == 't' || c == 'f'; }

  // Takes a comma if one is next (between members or elements).
  void skip_comma() {
    if (next < structural_count && structurals[next] < text.size() && text[structurals[next]] == ',') ++next;
  }

  // Just past the scalar taken last: the last non-blank byte before the next structural.
  std::uint32_t scalar_end() const {
    std::uint32_t end = next < structural_count ? structurals[next] : static_cast<std::uint32_t>(text.size());
    while (end > 0 && ascii::is_json_whitespace(text[end - 1])) --end;
    return end;
  }

  bool read_object(dom::element element, std::size_t depth, Node& out) {
    std::uint32_t begin = 0;
    dom::object object;
    if (assembly.too_deep(depth) || !take('{', begin) || element.get_object().get(object)) return false;
    const std::size_t first = assembly.open_object();
    // The iterator's own key() and value(): a key_value_pair would be stored and read
    // back at once, which the processor cannot forward (a stall on every member).
    for (auto field = object.begin(); field != object.end(); ++field) {
      Member* member = assembly.new_member(first);  // filled in place: see reserve_members_for
      if (member == nullptr) return false;
      member->key = field.key();
      std::uint32_t colon = 0;
      if (!take('"', member->key_begin) || !take(':', colon)) return false;
      while (colon > member->key_begin && ascii::is_json_whitespace(text[colon - 1])) --colon;
      member->key_end = colon;  // just past the key's closing quote
      if (!read(field.value(), depth + 1, member->value)) return false;
      skip_comma();
    }
    std::uint32_t close = 0;
    return take('}', close) && assembly.close_object(first, begin, close + 1, out);
  }

  bool read_array(dom::element element, std::size_t depth, Node& out) {
    std::uint32_t begin = 0;
    dom::array array;
    if (assembly.too_deep(depth) || !take('[', begin) || element.get_array().get(array)) return false;
    const std::size_t first = assembly.open_array();
    for (const dom::element value : array) {
      Node child = Node::null();
      if (!read(value, depth + 1, child) || !assembly.add_element(first, child)) return false;
      skip_comma();
    }
    std::uint32_t close = 0;
    if (!take(']', close)) return false;
    assembly.close_array(first, begin, close + 1, out);
    return true;
  }

  bool read(dom::element element, std::size_t depth, Node& out) {
    std::uint32_t begin = 0;
    switch (element.type()) {
      case dom::element_type::OBJECT:
        return read_object(element, depth, out);
      case dom::element_type::ARRAY:
        return read_array(element, depth, out);
      case dom::element_type::STRING: {
        std::string_view value;
        if (!take('"', begin) || element.get_string().get(value)) return false;
        out = Node::of_string(value);
        break;
      }
      case dom::element_type::INT64: {
        std::int64_t number = 0;
        if (!take(starts_number, begin) || element.get_int64().get(number)) return false;
        out = Node::of_integer(number);
        break;
      }
      case dom::element_type::UINT64: {
        std::uint64_t number = 0;
        if (!take(starts_unsigned, begin) || element.get_uint64().get(number)) return false;
        out = Node::of_unsigned(number);
        break;
      }
      case dom::element_type::DOUBLE: {
        double number = 0;
        if (!take(starts_number, begin) || element.get_double().get(number)) return false;
        out = Node::of_float(number);
        break;
      }
      case dom::element_type::BOOL: {
        bool flag = false;
        if (!take(starts_boolean, begin) || element.get_bool().get(flag)) return false;
        out = Node::of_bool(flag);
        break;
      }
      case dom::element_type::NULL_VALUE:
        if (!take('n', begin)) return false;
        out = Node::null();
        break;
      default:
        return false;
    }
    out.locate(begin, scalar_end());
    return true;
  }
};

}  // namespace

bool read_with_dom(dom::parser& parser, std::string_view padded, std::string_view text, TreeAssembly& assembly,
                   Node& root) {
  dom::element element;
  if (parser.parse(padded.data(), text.size(), false).get(element)) return false;
  const auto& implementation = *parser.implementation;
  DomReader reader{text, implementation.structural_indexes.get(), implementation.n_structural_indexes, assembly};
  assembly.reserve_members_for(implementation.n_structural_indexes);
  // Every structural index must be taken: one left over is text the DOM did not read.
  return reader.read(element, 1, root) && reader.next == reader.structural_count;
}

}  // namespace appflow_lint::document
