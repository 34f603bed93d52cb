// Text -> Tree through simdjson's DOM, with each key's and value's byte offsets taken
// from the structural indexes stage 1 found (text_builder.cpp's choice for requests).
#pragma once

#include <string_view>

#include <simdjson.h>

#include "appflow_lint/document/tree_assembly.hpp"

namespace appflow_lint::document {

// `padded` is `text` with simdjson's padding after it. False for anything the exact
// path must see (a syntax fault, text after the root, a repeated key, too deep or
// too wide).
bool read_with_dom(simdjson::dom::parser& parser, std::string_view padded, std::string_view text,
                   TreeAssembly& assembly, Node& root);

}  // namespace appflow_lint::document
