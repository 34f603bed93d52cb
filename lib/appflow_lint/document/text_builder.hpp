// Text -> Tree in one pass with simdjson (its DOM for requests, On Demand for large
// documents: text_builder.cpp says why), with the byte offsets of every key and value
// taken as it reads. It handles the common case only: any
// document it does not accept as plainly valid (a syntax fault, a repeated key,
// nesting past the limit, a number no 64-bit type holds, a root that is not an object
// or array) comes back as `false`, and the caller takes the exact path
// (parse/document_parser), which explains the fault.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "appflow_lint/document/tree.hpp"

namespace appflow_lint::document {

class TextBuilder {
 public:
  TextBuilder();
  ~TextBuilder();
  TextBuilder(const TextBuilder&) = delete;
  TextBuilder& operator=(const TextBuilder&) = delete;

  // Fills `tree` from `text`. The tree's strings point into this builder's buffers:
  // it is valid until the next build() on this builder.
  bool build(std::string_view text, Tree& tree, std::size_t max_depth, std::size_t max_entries);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace appflow_lint::document
