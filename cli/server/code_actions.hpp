// textDocument/codeAction: the suggestions' edits as quick fixes, "turn this rule off
// for this file", and "fix all safe problems".
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/lint_types.hpp"
#include "server/position_encoding.hpp"

namespace appflow_lint::server {

inline constexpr std::string_view kFixAllKind = "source.fixAll.appflow-lint";
inline constexpr std::string_view kDisableRuleCommand = "appflow-lint.disableRuleForFile";

// Whether the client's `context.only` (absent: everything) admits actions of `kind`.
bool kind_requested(const nlohmann::json& only, std::string_view kind);

// The quick fixes for the appflow-lint diagnostics of `context_diagnostics` (as the
// client sent them back). Their `data` carries the suggestions; a diagnostic without it
// is matched by rule and range against `current` (the document's lint now).
// `can_disable`: also offer the "turn off RULE for this file" command (file: documents).
nlohmann::json quick_fixes(const std::string& uri, const nlohmann::json& context_diagnostics, const LintResult& current,
                           const PositionMap& map, bool can_disable);

// "Fix all safe problems": the edits from `text` to `fixed`, each over only what
// changed (never re-sending text between fixes); null when they are equal or too far
// apart to diff (text_edits.hpp).
nlohmann::json fix_all(const std::string& uri, std::string_view text, std::string_view fixed,
                       PositionEncoding encoding);

}  // namespace appflow_lint::server
