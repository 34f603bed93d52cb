// The two text readers behind TextBuilder (the DOM for requests, On Demand for
// documents above 1 MiB) must build the same tree from the same text: the same kinds,
// values, keys and byte offsets of every key and value, or both refuse the text (it
// then goes the exact way). Random documents with random blanks and escapes, and
// texts at the edges of what each accepts.
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "appflow_lint/document/dom_reader.hpp"
#include "appflow_lint/document/on_demand_reader.hpp"
#include "appflow_lint/document/tree_assembly.hpp"

namespace appflow_lint::document {
namespace {

// A tree written out with every offset, so that two trees compare as two strings.
void describe(const Node& node, std::string& out) {
  out += std::to_string(static_cast<int>(node.kind())) + "@" + std::to_string(node.begin()) + "-" +
         std::to_string(node.end()) + ":";
  switch (node.kind()) {
    case Kind::Object:
      for (const Member& member : node.members()) {
        out += "{" + std::string(member.key) + "@" + std::to_string(member.key_begin) + "-" +
               std::to_string(member.key_end) + "=";
        describe(member.value, out);
        out += "}";
      }
      break;
    case Kind::Array:
      for (const Node& element : node.elements()) {
        out += "[";
        describe(element, out);
        out += "]";
      }
      break;
    case Kind::String:
      out += std::string(node.string());
      break;
    case Kind::Boolean:
      out += node.boolean() ? "true" : "false";
      break;
    case Kind::Integer:
      out += std::to_string(node.integer());
      break;
    case Kind::Unsigned:
      out += std::to_string(node.unsigned_integer());
      break;
    case Kind::Float: {
      const double value = node.number();
      out += std::signbit(value) ? "-" : "+";
      out += std::to_string(std::fabs(value));
      break;
    }
    default:
      break;
  }
}

struct Readers {
  simdjson::dom::parser dom;
  simdjson::ondemand::parser on_demand;
  TreeAssembly::Stacks stacks;

  // "" when the reader refuses the text.
  template <typename Read>
  std::string tree_of(const std::string& text, Read read) {
    std::string padded = text + std::string(simdjson::SIMDJSON_PADDING, ' ');
    Tree tree;
    TreeAssembly assembly(tree, stacks, 64, 1000);
    Node root = Node::null();
    if (!read(std::string_view(padded), std::string_view(text), assembly, root)) return "";
    std::string out;
    describe(root, out);
    return out;
  }

  void agree(const std::string& text, int* both_read = nullptr) {
    const std::string by_dom = tree_of(text, [&](auto padded, auto view, auto& assembly, auto& root) {
      return read_with_dom(dom, padded, view, assembly, root);
    });
    const std::string on_demand_tree = tree_of(text, [&](auto padded, auto view, auto& assembly, auto& root) {
      return read_on_demand(on_demand, padded, view, assembly, root);
    });
    ASSERT_EQ(by_dom, on_demand_tree) << text;
    if (both_read != nullptr && !by_dom.empty()) ++*both_read;
  }
};

std::string blanks(std::mt19937& random) {
  static const std::vector<std::string> kBlanks{"", "", "", " ", "\n  ", "\t", "\r\n"};
  return kBlanks[random() % kBlanks.size()];
}

std::string random_string(std::mt19937& random) {
  static const std::vector<std::string> kPieces{
      "a", "Z", "0", "_", " ", "\\\"", "\\\\", "\\/", "\\n", "\\u00e9", "\\ud83d\\ude00", "\xc3\xa9", "-", ".", "key"};
  std::string out = "\"";
  const std::size_t length = random() % 8;
  for (std::size_t i = 0; i < length; ++i) out += kPieces[random() % kPieces.size()];
  return out + "\"";
}

std::string random_value(std::mt19937& random, int depth) {
  static const std::vector<std::string> kScalars{
      "0",    "-0",   "7",     "-12", "18446744073709551615", "-9223372036854775808", "1.5", "-0.0", "1e3",
      "2E-2", "true", "false", "null"};
  const unsigned pick = random() % (depth > 4 ? 3 : 5);
  if (pick == 0) return kScalars[random() % kScalars.size()];
  if (pick <= 2) return random_string(random);
  const bool object = pick == 3;
  std::string out = object ? "{" : "[";
  const std::size_t count = random() % 5;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += blanks(random) + ",";
    out += blanks(random);
    if (object) out += random_string(random) + blanks(random) + ":" + blanks(random);
    out += random_value(random, depth + 1) + blanks(random);
  }
  return out + (object ? "}" : "]");
}

TEST(TextReaders, BuildTheSameTreeFromRandomDocuments) {
  Readers readers;
  std::mt19937 random(21);
  int both_read = 0;
  for (int i = 0; i < 20000; ++i) {
    const bool object = random() % 2 == 0;
    const bool wrong_close = random() % 10 == 0;  // both must refuse it
    const std::string text = blanks(random) + (object ? "{\"r\":" : "[") + random_value(random, 0) +
                             (object != wrong_close ? "}" : "]") + blanks(random);
    readers.agree(text, &both_read);
  }
  // A tenth close with the wrong bracket, and some hold a number no 64-bit type takes
  // or a repeated key; the others must have been read, by both.
  EXPECT_GT(both_read, 12000);
}

TEST(TextReaders, AgreeAtTheEdges) {
  Readers readers;
  const std::vector<std::string> texts{"{}",
                                       "[]",
                                       " { } ",
                                       "[1,2",
                                       "{\"a\":1,}",
                                       "[1,]",
                                       "{\"a\" 1}",
                                       "{\"a\":1 \"b\":2}",
                                       "{} x",
                                       "{}{}",
                                       "[tru]",
                                       "[nul]",
                                       "[null1]",
                                       "[1e400]",
                                       "[18446744073709551616]",
                                       "[-9223372036854775809]",
                                       "{\"a\":1,\"a\":2}",
                                       "{\"\\u0061\":1,\"a\":2}",
                                       "[\"\\ud800\"]",
                                       "[\"a\x01\"]",
                                       "[\"\xc3\x28\"]",
                                       std::string(70, '[') + std::string(70, ']'),
                                       std::string(63, '[') + std::string(63, ']')};
  for (const std::string& text : texts) readers.agree(text);
}

}  // namespace
}  // namespace appflow_lint::document
