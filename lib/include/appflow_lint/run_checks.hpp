// Checks that span the documents of one run (several files, or the lines of a
// JSON Lines file), such as a clientToken reused for different requests.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "appflow_lint/lint.hpp"

namespace appflow_lint {

struct DocumentInRun {
  std::string label;               // how messages name it: "a.json", "b.jsonl line 3"
  std::string_view text;           // the document's own text
  std::uint32_t line_offset = 0;   // added to its lines (a JSON Lines document's line in its file)
  LintResult* result = nullptr;    // where diagnostics are appended
};

// Appends cross-document diagnostics to the documents' results (kept sorted).
void check_across_documents(std::span<DocumentInRun> documents);

}  // namespace appflow_lint
