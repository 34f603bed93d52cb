#include "appflow_lint/format/sarif_format.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/version.hpp"

namespace appflow_lint::format {
namespace {

using json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

json region(const Range& range) {
  return {{"startLine", range.start.line},
          {"startColumn", range.start.column},
          {"endLine", range.end.line},
          {"endColumn", range.end.column}};
}

json rule_descriptor(const RuleInfo& rule) {
  return {{"id", rule.id},
          {"name", rule.id},
          {"shortDescription", {{"text", rule.summary}}},
          {"fullDescription", {{"text", rule.docs}}},
          {"helpUri", "https://github.com/appflow-lint/appflow-lint/blob/main/docs/rules/" + std::string(rule.id) + ".md"},
          {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}}};
}

json result(const FileReport& file, const Diagnostic& diagnostic, std::size_t rule_index) {
  json location = {{"physicalLocation", {{"artifactLocation", {{"uri", file.path}}}}}};
  if (diagnostic.range) location["physicalLocation"]["region"] = region(*diagnostic.range);
  location["logicalLocations"] = json::array({{{"fullyQualifiedName", diagnostic.pointer}, {"kind", "member"}}});
  json out = {{"ruleId", diagnostic.rule},
              {"ruleIndex", rule_index},
              {"level", sarif_level(diagnostic.severity)},
              {"message", {{"text", diagnostic.message}}},
              {"locations", json::array({location})}};
  json fixes = json::array();
  for (const auto& suggestion : diagnostic.suggestions) {
    if (!suggestion.replacement) continue;
    fixes.push_back({{"description", {{"text", suggestion.message}}},
                     {"artifactChanges",
                      json::array({{{"artifactLocation", {{"uri", file.path}}},
                                    {"replacements", json::array({{{"deletedRegion", region(suggestion.replacement->range)},
                                                                   {"insertedContent", {{"text", suggestion.replacement->text}}}}})}}})}});
  }
  if (!fixes.empty()) out["fixes"] = std::move(fixes);
  return out;
}

}  // namespace

std::string render_sarif(const std::vector<FileReport>& files) {
  json rules = json::array();
  std::map<std::string_view, std::size_t> index_of;
  for (const auto& rule : list_rules()) {
    index_of[rule.id] = rules.size();
    rules.push_back(rule_descriptor(rule));
  }
  json results = json::array();
  for (const auto& file : files) {
    for (const auto& document : file.documents) {
      for (const auto& diagnostic : document.result.diagnostics) {
        results.push_back(result(file, diagnostic, index_of[diagnostic.rule]));
      }
    }
  }
  const json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool", {{"driver", {{"name", "appflow-lint"}, {"version", kVersion}, {"rules", rules}}}}},
                             {"columnKind", "unicodeCodePoints"},
                             {"results", results}}})}};
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace appflow_lint::format
