// Random documents, written with random formatting, checked node by node against
// nlohmann's parse of the same text: StructureIndex must find every node, and the
// spans it reports must parse back to the node (and, for members, to the key).
// parse_document is checked on the same texts (value and duplicate keys).

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/parse/document_parser.hpp"
#include "appflow_lint/source_map/structure_index.hpp"

namespace {

using appflow_lint::source_map::NodeSpan;
using appflow_lint::source_map::StructureIndex;
using nlohmann::json;
namespace jp = appflow_lint::json_pointer;

struct Key {
  std::string_view source;   // as written between the quotes
  std::string_view decoded;  // as nlohmann stores it
};

// Escapes, non-ASCII, pointer specials and look-alikes of one another ("é" twice).
constexpr Key kKeys[] = {
    {"a", "a"},
    {"b", "b"},
    {"connectorType", "connectorType"},
    {"", ""},
    {"0", "0"},
    {"a/b", "a/b"},
    {"m~n", "m~n"},
    {"~1", "~1"},
    {"q\\\"uote", "q\"uote"},
    {"back\\\\slash", "back\\slash"},
    {"sl\\/ash", "sl/ash"},
    {"\\b\\f\\n\\r\\t", "\b\f\n\r\t"},
    {"\\u00e9", "\xC3\xA9"},
    {"\xC3\xA9", "\xC3\xA9"},
    {"\\ud83d\\ude00", "\xF0\x9F\x98\x80"},
    {"\xE2\x82\xAC", "\xE2\x82\xAC"},
    {"\\u0000nul", std::string_view("\0nul", 4)},
    {"[{,:}]", "[{,:}]"},
    {" spaced key ", " spaced key "},
};

constexpr std::string_view kStrings[] = {
    "",         "plain",      "h\xC3\xA9llo",     "\\\"",         "\\\\",
    "a\\/b",    "\\u00e9\\n", "\\ud83d\\ude00",   "}]{[,:",       "tab\\there",
    "\\\\\\\"", "~0/~1",      "\xF0\x9F\x98\x80", "trailing\\\\",
};

constexpr std::string_view kNumbers[] = {
    "0",
    "-0",
    "1",
    "-17",
    "42",
    "3.25",
    "-0.5",
    "1e3",
    "1E+2",
    "2.5e-3",
    "-1.0E-10",
    "18446744073709551615",
    "-9223372036854775808",
    "123456789012345678901234567890",
};

constexpr std::string_view kWhitespace[] = {"", "", "", " ", "  ", "\t", "\n", "\r\n", "\r", " \r\n\t"};

class DocumentWriter {
 public:
  explicit DocumentWriter(std::uint32_t seed) : random_(seed) {}

  // A document and the pointers of the members whose key repeats in its object.
  struct Document {
    std::string text;
    std::vector<std::string> duplicate_keys;
  };

  Document write() {
    document_ = Document{};
    if (pick(10) == 0) document_.text += "\xEF\xBB\xBF";
    space();
    value("", 0);
    space();
    return std::move(document_);
  }

 private:
  std::size_t pick(std::size_t n) { return random_() % n; }

  void space() { document_.text += kWhitespace[pick(std::size(kWhitespace))]; }

  void value(const std::string& pointer, int depth) {
    const std::size_t kind = depth >= 6 ? 2 + pick(4) : pick(depth == 0 ? 2 : 7);
    switch (kind) {
      case 0:
        return object(pointer, depth);
      case 1:
        return array(pointer, depth);
      case 2:
        return string();
      case 3:
        document_.text += kNumbers[pick(std::size(kNumbers))];
        return;
      case 4:
        document_.text += pick(2) == 0 ? "true" : "false";
        return;
      case 5:
        document_.text += "null";
        return;
      default:
        return pick(2) == 0 ? object(pointer, depth) : array(pointer, depth);
    }
  }

  void string() {
    document_.text += '"';
    document_.text += kStrings[pick(std::size(kStrings))];
    document_.text += '"';
  }

  void object(const std::string& pointer, int depth) {
    document_.text += '{';
    const std::size_t count = pick(6);
    std::vector<std::string_view> seen;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) document_.text += ',';
      space();
      const Key& key = kKeys[pick(std::size(kKeys))];
      const std::string member = jp::child(pointer, key.decoded);
      if (std::find(seen.begin(), seen.end(), key.decoded) != seen.end()) {
        document_.duplicate_keys.push_back(member);
      }
      seen.push_back(key.decoded);
      document_.text += '"';
      document_.text += key.source;
      document_.text += '"';
      space();
      document_.text += ':';
      space();
      value(member, depth + 1);
      space();
    }
    document_.text += '}';
  }

  void array(const std::string& pointer, int depth) {
    document_.text += '[';
    const std::size_t count = pick(6);
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) document_.text += ',';
      space();
      value(jp::child(pointer, i), depth + 1);
      space();
    }
    document_.text += ']';
  }

  std::mt19937 random_;
  Document document_;
};

// Checks `node` (at `pointer`) and everything below it.
void check_node(const std::string& text, const StructureIndex& index, const json& node, const std::string& pointer,
                const std::string* key) {
  SCOPED_TRACE("pointer " + json(pointer).dump());
  const NodeSpan* span = index.find(pointer);
  ASSERT_NE(span, nullptr);
  ASSERT_LE(span->value_begin, span->value_end);
  ASSERT_LE(span->value_end, text.size());
  EXPECT_EQ(json::parse(text.substr(span->value_begin, span->value_end - span->value_begin)), node);
  ASSERT_EQ(span->has_key(), key != nullptr);
  if (key != nullptr) {
    ASSERT_LT(span->key_begin, span->key_end);
    EXPECT_EQ(json::parse(text.substr(span->key_begin, span->key_end - span->key_begin)), json(*key));
  }
  if (node.is_object()) {
    for (auto member = node.begin(); member != node.end(); ++member) {
      check_node(text, index, member.value(), jp::child(pointer, member.key()), &member.key());
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      check_node(text, index, node[i], jp::child(pointer, i), nullptr);
    }
  }
}

std::size_t count_nodes(const json& node) {
  std::size_t count = 1;
  if (node.is_structured()) {
    for (const auto& child : node) count += count_nodes(child);
  }
  return count;
}

TEST(StructureIndexProperty, RandomDocumentsMatchNlohmann) {
  constexpr int kDocuments = 2000;
  DocumentWriter writer(20240917U);
  std::size_t nodes = 0;
  std::size_t documents_with_duplicates = 0;
  for (int i = 0; i < kDocuments; ++i) {
    const DocumentWriter::Document document = writer.write();
    SCOPED_TRACE("document " + std::to_string(i) + ": " + json(document.text).dump());
    const json expected = json::parse(document.text);
    const StructureIndex index = StructureIndex::build(document.text);
    check_node(document.text, index, expected, "", nullptr);
    nodes += count_nodes(expected);

    const auto parsed = appflow_lint::parse::parse_document(document.text);
    ASSERT_FALSE(parsed.syntax_error.has_value());
    ASSERT_FALSE(parsed.too_deep);
    EXPECT_EQ(parsed.value, expected);
    EXPECT_EQ(parsed.duplicate_keys, document.duplicate_keys);
    documents_with_duplicates += document.duplicate_keys.empty() ? 0 : 1;
    if (HasFatalFailure()) return;
  }
  // The generator must exercise what it claims to; a change of seed or generator that
  // collapses it to trivial documents should fail here rather than pass vacuously.
  EXPECT_GT(nodes, 10U * kDocuments);
  EXPECT_GT(documents_with_duplicates, kDocuments / 20U);
  RecordProperty("nodes", static_cast<int>(nodes));
  RecordProperty("documents_with_duplicates", static_cast<int>(documents_with_duplicates));
}

}  // namespace
