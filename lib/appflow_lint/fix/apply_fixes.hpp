// Applying the suggestions' edits to a document's text: what `--fix`, `--diff` and an
// editor's "fix all" do. Only an edit changes bytes; everything else of the text
// (indentation, key order, line endings, a byte-order mark) is kept as it is.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "appflow_lint/lint.hpp"

namespace appflow_lint::fix {

enum class FixLevel {
  Safe,           // suggestions marked Applicability::Safe
  SafeAndUnsafe,  // every suggestion with an edit
};

struct FixedText {
  std::string text;
  std::size_t applied = 0;    // edits applied, over all passes
  bool syntax_error = false;  // the text (or a pass's result) does not parse: left as it was
};

// Lints `text` with `lint`, applies each diagnostic's first suggestion with an edit
// that `level` allows, and repeats on the result until no such edit is left (at most
// kMaxPasses: fixes that keep producing fixes stop there). In a pass, an edit that
// overlaps one already taken waits for the next pass. A text with a json.* error is
// never changed, nor is one whose fixes would produce such an error.
inline constexpr std::size_t kMaxPasses = 10;
FixedText apply_fixes(std::string_view text, FixLevel level, const std::function<LintResult(std::string_view)>& lint);

// Whether a result holds an error of the json.* family (syntax, encoding, duplicate
// keys, size): the text is not a document a fix can be trusted on.
bool has_json_error(const LintResult& result);

}  // namespace appflow_lint::fix
