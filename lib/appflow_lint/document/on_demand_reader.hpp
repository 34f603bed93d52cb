// Text -> Tree through simdjson's On Demand parser, with the byte offsets of every key
// and value taken as it reads (text_builder.cpp's choice for large documents: it keeps
// no tape beside the tree, and strings without escapes are read in place).
#pragma once

#include <string_view>

#include <simdjson.h>

#include "appflow_lint/document/tree_assembly.hpp"

namespace appflow_lint::document {

// `padded` is `text` with simdjson's padding after it. False for anything the exact
// path must see (a syntax fault, text after the root, a repeated key, too deep or
// too wide).
bool read_on_demand(simdjson::ondemand::parser& parser, std::string_view padded, std::string_view text,
                    TreeAssembly& assembly, Node& root);

}  // namespace appflow_lint::document
