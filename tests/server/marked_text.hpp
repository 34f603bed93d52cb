// Test documents with the cursor written into them as "@@".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace appflow_lint::server::test {

struct MarkedText {
  explicit MarkedText(std::string_view marked) {
    const std::size_t marker = marked.find("@@");
    if (marker == std::string_view::npos) {
      text = std::string(marked);
      offset = text.size();
    } else {
      text = std::string(marked.substr(0, marker)) + std::string(marked.substr(marker + 2));
      offset = marker;
    }
  }

  std::string text;        // without the marker
  std::size_t offset = 0;  // where the marker was (the end when there is none)
};

}  // namespace appflow_lint::server::test
