#include "server/lsp_diagnostics.hpp"

namespace appflow_lint::server {
namespace {

// DiagnosticSeverity: 1 Error, 2 Warning, 3 Information.
int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    case Severity::Info:
      return 3;
  }
  return 1;
}

}  // namespace

nlohmann::json to_lsp(const TextEdit& edit, const PositionMap& map) {
  return {{"range", map.range_json(edit.range)}, {"newText", edit.text}};
}

nlohmann::json to_lsp(const Diagnostic& diagnostic, const PositionMap& map, std::string_view docs_base_url) {
  nlohmann::json suggestions = nlohmann::json::array();
  for (const auto& suggestion : diagnostic.suggestions) {
    nlohmann::json item = {{"message", suggestion.message},
                           {"applicability", std::string(to_string(suggestion.applicability))}};
    if (suggestion.replacement) item["edit"] = to_lsp(*suggestion.replacement, map);
    suggestions.push_back(std::move(item));
  }
  // A diagnostic without a range (none from text today) sits at the document's start.
  const nlohmann::json range = diagnostic.range ? map.range_json(*diagnostic.range) : map.range_json(0, 0);
  return {{"range", range},
          {"severity", lsp_severity(diagnostic.severity)},
          {"code", diagnostic.rule},
          {"codeDescription", {{"href", std::string(docs_base_url) + diagnostic.rule + ".md"}}},
          {"source", kSource},
          {"message", diagnostic.message},
          {"data", {{"suggestions", std::move(suggestions)}}}};
}

nlohmann::json to_lsp(const LintResult& result, const PositionMap& map, std::string_view docs_base_url) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& diagnostic : result.diagnostics) diagnostics.push_back(to_lsp(diagnostic, map, docs_base_url));
  return diagnostics;
}

}  // namespace appflow_lint::server
