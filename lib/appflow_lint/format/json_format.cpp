#include "appflow_lint/format/json_format.hpp"

#include <nlohmann/json.hpp>

#include "appflow_lint/version.hpp"

namespace appflow_lint::format {
namespace {

using json = nlohmann::ordered_json;  // keeps the contract's member order

json to_json(const Position& position) { return {{"line", position.line}, {"column", position.column}}; }
json to_json(const Range& range) { return {{"start", to_json(range.start)}, {"end", to_json(range.end)}}; }

json to_json(const Diagnostic& diagnostic, const std::optional<std::size_t>& document) {
  json out = {{"rule", diagnostic.rule},
              {"severity", std::string(to_string(diagnostic.severity))},
              {"message", diagnostic.message},
              {"pointer", diagnostic.pointer}};
  if (diagnostic.range) out["range"] = to_json(*diagnostic.range);
  if (!diagnostic.suggestions.empty()) {
    json suggestions = json::array();
    for (const auto& suggestion : diagnostic.suggestions) {
      json item = {{"message", suggestion.message}};
      if (suggestion.replacement) {
        item["replacement"] = {{"range", to_json(suggestion.replacement->range)},
                               {"text", suggestion.replacement->text}};
      }
      suggestions.push_back(std::move(item));
    }
    out["suggestions"] = std::move(suggestions);
  }
  if (document) out["document"] = *document;
  return out;
}

}  // namespace

std::string render_json(const std::vector<FileReport>& files) {
  json file_list = json::array();
  for (const auto& file : files) {
    json diagnostics = json::array();
    for (const auto& document : file.documents) {
      for (const auto& diagnostic : document.result.diagnostics) {
        diagnostics.push_back(to_json(diagnostic, document.index));
      }
    }
    file_list.push_back({{"path", file.path},
                         {"operation", std::string(to_string(file.operation))},
                         {"diagnostics", std::move(diagnostics)}});
  }
  const Summary summary = summarize(files);
  const json out = {{"tool", {{"name", "appflow-lint"}, {"version", kVersion}}},
                    {"files", std::move(file_list)},
                    {"summary",
                     {{"files", summary.files},
                      {"documents", summary.documents},
                      {"errors", summary.errors},
                      {"warnings", summary.warnings},
                      {"infos", summary.infos}}}};
  // Invalid UTF-8 cannot reach here from a parsed document, but replace rather than throw.
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace appflow_lint::format
