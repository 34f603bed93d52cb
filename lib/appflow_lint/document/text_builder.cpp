#include "appflow_lint/document/text_builder.hpp"

#include <cstring>
#include <vector>

#include "appflow_lint/document/dom_reader.hpp"
#include "appflow_lint/document/on_demand_reader.hpp"
#include "appflow_lint/document/tree_assembly.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::document {

namespace {

// Requests go through the DOM: simdjson builds it with the kernel chosen for the CPU
// (AVX2 or AVX-512), where the On Demand front end runs the generic one on Debian's
// x86-64 baseline, and a request's parse takes about a quarter less time
// (docs/benchmarks.md). The DOM's tape and string copies cost about one and a half
// times a document's size beside the tree, so larger documents are read On Demand,
// and their peak memory stays what docs/cli.md gives.
constexpr std::size_t kDomUpTo = std::size_t{1} << 20;

}  // namespace

struct TextBuilder::State {
  simdjson::dom::parser dom_parser;
  simdjson::ondemand::parser on_demand_parser;
  std::vector<char> padded;
  TreeAssembly::Stacks stacks;
};

TextBuilder::TextBuilder() : state_(std::make_unique<State>()) {}
TextBuilder::~TextBuilder() = default;

bool TextBuilder::build(std::string_view text, Tree& tree, std::size_t max_depth, std::size_t max_entries) {
  // Only an object or array at the root (after blanks, no BOM): anything else is rare
  // enough for the exact path.
  std::size_t start = 0;
  while (start < text.size() && ascii::is_json_whitespace(text[start])) ++start;
  if (start == text.size() || (text[start] != '{' && text[start] != '[')) return false;
  if (text.size() >= kNoOffset - simdjson::SIMDJSON_PADDING) return false;
  State& state = *state_;
  state.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(state.padded.data(), text.data(), text.size());
  std::memset(state.padded.data() + text.size(), ' ', simdjson::SIMDJSON_PADDING);
  const std::string_view padded(state.padded.data(), state.padded.size());
  TreeAssembly assembly(tree, state.stacks, max_depth, max_entries);
  Node root = Node::null();
  const bool read = text.size() <= kDomUpTo ? read_with_dom(state.dom_parser, padded, text, assembly, root)
                                            : read_on_demand(state.on_demand_parser, padded, text, assembly, root);
  if (!read) return false;
  tree.set_root(root);
  return true;
}

}  // namespace appflow_lint::document
