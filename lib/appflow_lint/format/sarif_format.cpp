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

json result(std::string_view path, const Diagnostic& diagnostic, std::size_t rule_index) {
  json location = {{"physicalLocation", {{"artifactLocation", {{"uri", std::string(path)}}}}}};
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
                      json::array({{{"artifactLocation", {{"uri", std::string(path)}}},
                                    {"replacements", json::array({{{"deletedRegion", region(suggestion.replacement->range)},
                                                                   {"insertedContent", {{"text", suggestion.replacement->text}}}}})}}})}});
  }
  if (!fixes.empty()) out["fixes"] = std::move(fixes);
  return out;
}

// Keeps the results (small: no document, no source text) until the log is printed.
class SarifWriter final : public ReportWriter {
 public:
  SarifWriter() : results_(json::array()) {
    for (const auto& rule : list_rules()) {
      index_of_.emplace(std::string(rule.id), rules_.size());
      rules_.push_back(rule_descriptor(rule));
    }
  }

  void document(const FileHeader& file, const DocumentView& document) override {
    for (const auto& diagnostic : document.result.diagnostics) {
      const auto found = index_of_.find(diagnostic.rule);
      results_.push_back(result(file.path, diagnostic, found == index_of_.end() ? 0 : found->second));
    }
  }

  void finish(const Summary&) override {
    const json log = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::array({{{"tool", {{"driver", {{"name", "appflow-lint"}, {"version", kVersion}, {"rules", rules_}}}}},
                               {"columnKind", "unicodeCodePoints"},
                               {"results", std::move(results_)}}})}};
    results_ = json::array();
    out_ += log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }

 private:
  json rules_ = json::array();
  std::map<std::string, std::size_t, std::less<>> index_of_;
  json results_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer() { return std::make_unique<SarifWriter>(); }

std::string render_sarif(const std::vector<FileReport>& files) {
  SarifWriter writer;
  return render_with(writer, files);
}

}  // namespace appflow_lint::format
