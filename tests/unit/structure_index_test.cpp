#include "appflow_lint/source_map/structure_index.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using appflow_lint::source_map::NodeSpan;
using appflow_lint::source_map::StructureIndex;

// The text a node's spans cover, so expectations read as JSON rather than offsets.
class Spans {
 public:
  explicit Spans(std::string text) : text_(std::move(text)), index_(StructureIndex::build(text_)) {}

  const NodeSpan* find(std::string_view pointer) const { return index_.find(pointer); }

  std::optional<std::string> value(std::string_view pointer) const {
    const NodeSpan* span = index_.find(pointer);
    if (span == nullptr) return std::nullopt;
    return text_.substr(span->value_begin, span->value_end - span->value_begin);
  }

  std::optional<std::string> key(std::string_view pointer) const {
    const NodeSpan* span = index_.find(pointer);
    if (span == nullptr || !span->has_key()) return std::nullopt;
    return text_.substr(span->key_begin, span->key_end - span->key_begin);
  }

 private:
  std::string text_;
  StructureIndex index_;
};

TEST(StructureIndex, ExactOffsetsOfASmallDocument) {
  // '{'0 '"'1 'a'2 '"'3 ':'4 ' '5 '['6 '1'7 ','8 ' '9 '"'10 'x'11 '"'12 ']'13 '}'14
  const Spans spans(R"({"a": [1, "x"]})");
  const NodeSpan* root = spans.find("");
  ASSERT_NE(root, nullptr);
  EXPECT_FALSE(root->has_key());
  EXPECT_EQ(root->key_begin, NodeSpan::kNone);
  EXPECT_EQ(root->value_begin, 0U);
  EXPECT_EQ(root->value_end, 15U);

  const NodeSpan* a = spans.find("/a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->key_begin, 1U);
  EXPECT_EQ(a->key_end, 4U);
  EXPECT_EQ(a->value_begin, 6U);
  EXPECT_EQ(a->value_end, 14U);

  const NodeSpan* element = spans.find("/a/1");
  ASSERT_NE(element, nullptr);
  EXPECT_FALSE(element->has_key());
  EXPECT_EQ(element->value_begin, 10U);
  EXPECT_EQ(element->value_end, 13U);
}

TEST(StructureIndex, MultiLineDocument) {
  const Spans spans(
      "{\n"
      "  \"connectorProfileName\": \"my-profile\",\n"
      "  \"connectorProfileConfig\": {\n"
      "    \"connectorProfileProperties\": {\n"
      "      \"Salesforce\": {\"instanceUrl\": \"https://x\", \"isSandboxEnvironment\": false}\n"
      "    },\n"
      "    \"scopes\": [\"a\", 1, null, -2.5e3, true, {}, []]\n"
      "  }\n"
      "}\n");
  EXPECT_EQ(spans.value("/connectorProfileName"), "\"my-profile\"");
  EXPECT_EQ(spans.key("/connectorProfileName"), "\"connectorProfileName\"");
  EXPECT_EQ(spans.value("/connectorProfileConfig/connectorProfileProperties/Salesforce"),
            R"({"instanceUrl": "https://x", "isSandboxEnvironment": false})");
  EXPECT_EQ(spans.value("/connectorProfileConfig/connectorProfileProperties/Salesforce/isSandboxEnvironment"), "false");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes"), R"(["a", 1, null, -2.5e3, true, {}, []])");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/0"), "\"a\"");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/1"), "1");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/2"), "null");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/3"), "-2.5e3");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/4"), "true");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/5"), "{}");
  EXPECT_EQ(spans.value("/connectorProfileConfig/scopes/6"), "[]");
  EXPECT_EQ(spans.key("/connectorProfileConfig/scopes/6"), std::nullopt);
}

TEST(StructureIndex, Minified) {
  const Spans spans(R"({"a":{"b":[1,2,{"c":"d"}]},"e":"f"})");
  EXPECT_EQ(spans.value("/a"), R"({"b":[1,2,{"c":"d"}]})");
  EXPECT_EQ(spans.value("/a/b/2/c"), "\"d\"");
  EXPECT_EQ(spans.key("/a/b/2/c"), "\"c\"");
  EXPECT_EQ(spans.value("/e"), "\"f\"");
}

TEST(StructureIndex, WhitespaceCrLfLoneCrAndTabs) {
  const Spans spans(" \r\n{\t\"a\" \r\n :\r[ 1\t,\n\t2 ]\r\n,\"b\"\t:\"c\"\r}\r\n ");
  const NodeSpan* root = spans.find("");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->value_begin, 3U);
  EXPECT_EQ(spans.value("/a"), "[ 1\t,\n\t2 ]");
  EXPECT_EQ(spans.key("/a"), "\"a\"");
  EXPECT_EQ(spans.value("/a/0"), "1");
  EXPECT_EQ(spans.value("/a/1"), "2");
  EXPECT_EQ(spans.value("/b"), "\"c\"");
}

TEST(StructureIndex, ScalarRoots) {
  EXPECT_EQ(Spans(" 42 ").value(""), "42");
  EXPECT_EQ(Spans("\"s\"").value(""), "\"s\"");
  EXPECT_EQ(Spans("true").value(""), "true");
  EXPECT_EQ(Spans("\n-0.5e+10\n").value(""), "-0.5e+10");
  EXPECT_EQ(Spans("null").value("/0"), std::nullopt);
}

TEST(StructureIndex, PointerEscapesAndEmptyKey) {
  const Spans spans(R"({"a/b": 1, "m~n": 2, "": 3, "~1": 4, "x": {"": {"": 5}}})");
  EXPECT_EQ(spans.value("/a~1b"), "1");
  EXPECT_EQ(spans.key("/a~1b"), "\"a/b\"");
  EXPECT_EQ(spans.value("/m~0n"), "2");
  EXPECT_EQ(spans.value("/"), "3");
  EXPECT_EQ(spans.key("/"), "\"\"");
  EXPECT_EQ(spans.value("/~01"), "4");
  EXPECT_EQ(spans.value("/x//"), "5");
  EXPECT_EQ(spans.value("/a/b"), std::nullopt);
}

TEST(StructureIndex, KeysWithEscapesAreDecoded) {
  const Spans spans(R"({"a\u00e9": 1, "q\"uote": 2, "back\\slash": 3, "sl\/ash": 4, "\b\f\n\r\t": 5, )"
                    R"("\ud83d\ude00": 6, "\u007E": 7, "\u0041B": 8})");
  EXPECT_EQ(spans.value("/a\xC3\xA9"), "1");
  EXPECT_EQ(spans.key("/a\xC3\xA9"), R"("a\u00e9")");
  EXPECT_EQ(spans.value("/q\"uote"), "2");
  EXPECT_EQ(spans.value("/back\\slash"), "3");
  EXPECT_EQ(spans.value("/sl~1ash"), "4");
  EXPECT_EQ(spans.value("/\b\f\n\r\t"), "5");
  EXPECT_EQ(spans.value("/\xF0\x9F\x98\x80"), "6");  // surrogate pair -> U+1F600
  EXPECT_EQ(spans.value("/~0"), "7");
  EXPECT_EQ(spans.value("/AB"), "8");
  EXPECT_EQ(spans.value("/a\\u00e9"), std::nullopt);
}

TEST(StructureIndex, RawNonAsciiKeysAndValues) {
  const Spans spans("{\"\xC3\xA9\": \"h\xC3\xA9llo\", \"n\": 1}");
  EXPECT_EQ(spans.value("/\xC3\xA9"), "\"h\xC3\xA9llo\"");
  EXPECT_EQ(spans.value("/n"), "1");
}

TEST(StructureIndex, StringValuesWithEscapesAreSkipped) {
  const Spans spans(R"({"v": "a\"b\\", "w": "}]{[,:", "x": "\\\"", "y": 2})");
  EXPECT_EQ(spans.value("/v"), R"("a\"b\\")");
  EXPECT_EQ(spans.value("/w"), R"("}]{[,:")");
  EXPECT_EQ(spans.value("/x"), R"("\\\"")");
  EXPECT_EQ(spans.value("/y"), "2");
}

TEST(StructureIndex, ByteOrderMarkIsSkipped) {
  // BOM 0-2 | '{'3 '"'4 'a'5 '"'6 ':'7 '1'8 '}'9
  const Spans spans("\xEF\xBB\xBF{\"a\":1}");
  const NodeSpan* root = spans.find("");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->value_begin, 3U);
  EXPECT_EQ(root->value_end, 10U);
  const NodeSpan* a = spans.find("/a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->key_begin, 4U);
  EXPECT_EQ(a->value_begin, 8U);
}

TEST(StructureIndex, LastDuplicateKeyWins) {
  const Spans spans(R"({"a": {"x": 1}, "a": {"y": 2}, "o": {"k": 1, "k": [true]}, "s": [1, 2], "s": 3})");
  EXPECT_EQ(spans.value("/a"), R"({"y": 2})");
  EXPECT_EQ(spans.value("/a/y"), "2");
  EXPECT_EQ(spans.value("/a/x"), std::nullopt);  // only in the replaced member
  EXPECT_EQ(spans.value("/o/k"), "[true]");
  EXPECT_EQ(spans.value("/o/k/0"), "true");
  EXPECT_EQ(spans.value("/s"), "3");
  EXPECT_EQ(spans.value("/s/0"), std::nullopt);

  const NodeSpan* second_a = spans.find("/a");
  ASSERT_NE(second_a, nullptr);
  EXPECT_EQ(second_a->key_begin, 16U);  // the second "a"
}

TEST(StructureIndex, MissingAndMalformedPointers) {
  const Spans spans(R"({"arr": [10, 11], "s": "t"})");
  EXPECT_EQ(spans.find("/missing"), nullptr);
  EXPECT_EQ(spans.find("/s/0"), nullptr);
  EXPECT_EQ(spans.find("/arr/2"), nullptr);
  EXPECT_EQ(spans.find("/arr/01"), nullptr);
  EXPECT_EQ(spans.find("/arr/-"), nullptr);
  EXPECT_EQ(spans.find("/arr/"), nullptr);
  EXPECT_EQ(spans.find("arr"), nullptr);
  EXPECT_EQ(spans.value("/arr/1"), "11");
}

TEST(StructureIndex, ArrayIndicesAndObjectKeysThatLookAlike) {
  const Spans spans(R"({"0": ["a", "b"], "1": {"0": "c"}})");
  EXPECT_EQ(spans.value("/0/1"), "\"b\"");
  EXPECT_EQ(spans.value("/1/0"), "\"c\"");
}

TEST(StructureIndex, EmptyContainers) {
  const Spans spans(R"({"a":{},"b":[ ],"c":[[],{}]})");
  EXPECT_EQ(spans.value("/a"), "{}");
  EXPECT_EQ(spans.value("/b"), "[ ]");
  EXPECT_EQ(spans.value("/c/0"), "[]");
  EXPECT_EQ(spans.value("/c/1"), "{}");
  EXPECT_EQ(spans.find("/b/0"), nullptr);
}

TEST(StructureIndex, HundredThousandNestedArrays) {
  constexpr std::size_t kDepth = 100'000;
  const std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  const auto start = std::chrono::steady_clock::now();
  const StructureIndex index = StructureIndex::build(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  RecordProperty("build_ms", static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));

  const NodeSpan* node = index.find("/0/0/0");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->value_begin, 3U);
  EXPECT_EQ(node->value_end, 2 * kDepth - 3);

  std::string deepest;
  for (std::size_t i = 1; i < kDepth; ++i) deepest += "/0";
  const NodeSpan* innermost = index.find(deepest);
  ASSERT_NE(innermost, nullptr);
  EXPECT_EQ(innermost->value_begin, kDepth - 1);
  EXPECT_EQ(innermost->value_end, kDepth + 1);
  EXPECT_EQ(index.find(deepest + "/0"), nullptr);
}

TEST(StructureIndex, HundredThousandNestedObjects) {
  constexpr std::size_t kDepth = 100'000;
  std::string text;
  for (std::size_t i = 0; i < kDepth; ++i) text += "{\"k\":";
  text += "7";
  text += std::string(kDepth, '}');
  const StructureIndex index = StructureIndex::build(text);
  const NodeSpan* node = index.find("/k/k");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->key_begin, 6U);
  EXPECT_EQ(node->value_begin, 10U);

  std::string deepest;
  for (std::size_t i = 0; i < kDepth; ++i) deepest += "/k";
  const NodeSpan* leaf = index.find(deepest);
  ASSERT_NE(leaf, nullptr);
  EXPECT_EQ(leaf->value_begin, 5 * kDepth);
  EXPECT_EQ(leaf->value_end, 5 * kDepth + 1);
}

TEST(StructureIndex, ManySiblings) {
  constexpr std::size_t kCount = 200'000;
  std::string text = "[";
  for (std::size_t i = 0; i < kCount; ++i) text += i == 0 ? "0" : ",0";
  text += "]";
  const StructureIndex index = StructureIndex::build(text);
  const NodeSpan* last = index.find("/199999");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->value_begin, 2 * kCount - 1);
  EXPECT_EQ(index.find("/200000"), nullptr);
}

// The index is only promised for accepted JSON, but garbage must not crash it.
TEST(StructureIndex, InvalidTextStopsWithoutCrashing) {
  for (const std::string_view text :
       {"", "{", "[", "{\"a\"", "{\"a\":", "[1,", "\"abc", "{\"a\\", "}", "{:}", "[,]", "\xEF\xBB"}) {
    const StructureIndex index = StructureIndex::build(text);
    EXPECT_EQ(index.find("/a/b"), nullptr) << text;
  }
  EXPECT_EQ(Spans("[1, 2").value("/1"), "2");
}

}  // namespace
