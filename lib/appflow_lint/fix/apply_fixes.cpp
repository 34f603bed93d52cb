#include "appflow_lint/fix/apply_fixes.hpp"

#include <algorithm>
#include <vector>

#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::fix {
namespace {

struct ByteEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view text;
};

bool allowed(const Suggestion& suggestion, FixLevel level) {
  return suggestion.replacement.has_value() &&
         (level == FixLevel::SafeAndUnsafe || suggestion.applicability == Applicability::Safe);
}

// One edit per diagnostic (its first allowed suggestion), in byte offsets, sorted,
// without overlaps (a later one that overlaps waits for the next pass).
std::vector<ByteEdit> edits_for(std::string_view text, const LintResult& result, FixLevel level) {
  const source_map::LineIndex lines(text);
  std::vector<ByteEdit> edits;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    const auto chosen = std::find_if(diagnostic.suggestions.begin(), diagnostic.suggestions.end(),
                                     [&](const Suggestion& s) { return allowed(s, level); });
    if (chosen == diagnostic.suggestions.end()) continue;
    const TextEdit& edit = *chosen->replacement;
    source_map::LineIndex::OffsetCursor start_cursor, end_cursor;
    const std::size_t begin = lines.offset(edit.range.start, start_cursor);
    const std::size_t end = lines.offset(edit.range.end, end_cursor);
    if (begin > end || end > text.size()) continue;
    edits.push_back({begin, end, edit.text});
  }
  std::stable_sort(edits.begin(), edits.end(), [](const ByteEdit& a, const ByteEdit& b) { return a.begin < b.begin; });
  std::vector<ByteEdit> kept;
  for (const ByteEdit& edit : edits) {
    if (!kept.empty() && edit.begin < kept.back().end) continue;
    if (!kept.empty() && edit.begin == kept.back().begin && edit.begin == edit.end)
      continue;  // two insertions at one place
    kept.push_back(edit);
  }
  return kept;
}

std::string applied(std::string_view text, const std::vector<ByteEdit>& edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const ByteEdit& edit : edits) {
    out.append(text.substr(at, edit.begin - at));
    out.append(edit.text);
    at = edit.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace

bool has_json_error(const LintResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error && d.rule.starts_with("json."); });
}

FixedText apply_fixes(std::string_view text, FixLevel level, const std::function<LintResult(std::string_view)>& lint) {
  FixedText out{std::string(text), 0, false};
  LintResult result = lint(out.text);
  if (has_json_error(result)) {
    out.syntax_error = true;
    return out;
  }
  for (std::size_t pass = 0; pass < kMaxPasses; ++pass) {
    const std::vector<ByteEdit> edits = edits_for(out.text, result, level);
    if (edits.empty()) break;
    std::string next = applied(out.text, edits);
    LintResult next_result = lint(next);
    if (has_json_error(next_result)) break;  // a fix broke the document: keep the last good text
    out.text = std::move(next);
    out.applied += edits.size();
    result = std::move(next_result);
  }
  return out;
}

}  // namespace appflow_lint::fix
