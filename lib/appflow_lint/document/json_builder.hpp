// nlohmann::json <-> Tree. The Tree of a value a program already holds (lint_json, and
// the exact text path after parse/document_parser) borrows its strings and keys; it has
// no offsets. The other way serves equality with the schema's nlohmann values (enum)
// and callers that want a DOM of one node.
#pragma once

#include <nlohmann/json.hpp>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/source_map/structure_index.hpp"

namespace appflow_lint::document {

// `value` must outlive `tree`. Iterative: a caller's value may nest arbitrarily deep.
// With `spans` (the structure of the text `value` was parsed from), every node and key
// gets its offsets, as the text front end gives them.
void build_from_json(const nlohmann::json& value, Tree& tree, const source_map::StructureIndex* spans = nullptr);

enum class Depth { Whole, MembersOnly };
// MembersOnly: an object's members become null (what a keyword check of the object
// itself reads: its keys and size), an array's elements too.
nlohmann::json to_json(const Node& node, Depth depth = Depth::Whole);

// JSON Schema's equality (enum, const): strings by their text, which needs no copy,
// other values as whole JSON values.
bool same_json_value(const Node& node, const nlohmann::json& value);

}  // namespace appflow_lint::document
