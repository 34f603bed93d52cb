// A lint result in the LSP's terms: diagnostics with their rule's docs link, and the
// suggestions carried in `data` so that a code action needs no relint.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/format/docs_url.hpp"
#include "appflow_lint/lint_types.hpp"
#include "server/position_encoding.hpp"

namespace appflow_lint::server {

// The docs_base_url build option, as SARIF's helpUri uses it.
inline constexpr std::string_view kDefaultDocsBaseUrl = format::kDocsBaseUrl;
inline constexpr std::string_view kSource = "appflow-lint";

// `diagnostic` as an LSP Diagnostic; `map` is over the linted text.
nlohmann::json to_lsp(const Diagnostic& diagnostic, const PositionMap& map, std::string_view docs_base_url);
nlohmann::json to_lsp(const LintResult& result, const PositionMap& map, std::string_view docs_base_url);

// The LSP TextEdit of a suggestion's replacement.
nlohmann::json to_lsp(const TextEdit& edit, const PositionMap& map);

}  // namespace appflow_lint::server
