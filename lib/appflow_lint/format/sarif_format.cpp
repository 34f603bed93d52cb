#include "appflow_lint/format/sarif_format.hpp"

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/format/json_text.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/version.hpp"

namespace appflow_lint::format {
namespace {

using json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
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
  return {
      {"id", rule.id},
      {"name", rule.id},
      {"shortDescription", {{"text", rule.summary}}},
      {"fullDescription", {{"text", rule.docs}}},
      {"helpUri", "https://github.com/appflow-lint/appflow-lint/blob/main/docs/rules/" + std::string(rule.id) + ".md"},
      {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
      // SARIF's property bag: the rule's category (also as a tag, which code-scanning
      // services filter on), whether it offers fixes, and the release it appeared in.
      {"properties",
       {{"category", to_string(rule.category)},
        {"fix", to_string(rule.fix)},
        {"since", rule.since},
        {"tags", json::array({to_string(rule.category)})}}}};
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
    fixes.push_back(
        {{"description", {{"text", suggestion.message}}},
         {"properties", {{"applicability", to_string(suggestion.applicability)}}},
         {"artifactChanges",
          json::array(
              {{{"artifactLocation", {{"uri", std::string(path)}}},
                {"replacements", json::array({{{"deletedRegion", region(suggestion.replacement->range)},
                                               {"insertedContent", {{"text", suggestion.replacement->text}}}}})}}})}});
  }
  if (!fixes.empty()) out["fixes"] = std::move(fixes);
  return out;
}

// The log ends with its results, so they are kept until finish(): printed already (as
// they will sit in the log), in a temporary file, or in memory when there is none.
class SarifWriter final : public ReportWriter {
 public:
  SarifWriter() : spill_(std::tmpfile()) {
    for (const auto& rule : list_rules()) {
      index_of_.emplace(std::string(rule.id), rules_.size());
      rules_.push_back(rule_descriptor(rule));
    }
  }
  ~SarifWriter() override {
    if (spill_ != nullptr) std::fclose(spill_);
  }
  SarifWriter(const SarifWriter&) = delete;
  SarifWriter& operator=(const SarifWriter&) = delete;

  void document(const FileHeader& file, const DocumentView& document) override {
    for (const auto& diagnostic : document.result.diagnostics) {
      const auto found = index_of_.find(diagnostic.rule);
      item_ = results_ == 0 ? "\n" : ",\n";
      ++results_;
      // runs[0].results[i] sits 4 levels deep.
      append_nested(item_, result(file.path, diagnostic, found == index_of_.end() ? 0 : found->second), 4, true);
      keep(item_);
    }
  }

  void finish(const Summary&) override {
    const json log = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs",
         json::array({{{"tool", {{"driver", {{"name", "appflow-lint"}, {"version", kVersion}, {"rules", rules_}}}}},
                       {"columnKind", "unicodeCodePoints"},
                       {"results", json::array()}}})}};
    const std::string whole = dump_json(log) + "\n";
    // Only the key itself reads so: a string holding it would have its quotes escaped.
    constexpr std::string_view kEmptyResults = "\"results\": []";
    const std::size_t at = whole.find(kEmptyResults);
    if (results_ == 0 || at == std::string::npos) {
      out_ += whole;
      return;
    }
    const std::size_t open = at + kEmptyResults.size() - 1;  // the ']' of "[]"
    out_.append(whole, 0, open);
    if (spill_ != nullptr) {
      std::fflush(spill_);
      std::rewind(spill_);
      std::vector<char> chunk(1 << 20);
      while (const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), spill_)) {
        out_.append(chunk.data(), got);
        drain();
      }
    } else {
      out_ += kept_;
      kept_ = std::string();
    }
    out_ += "\n      ";  // runs[0].results closes 3 levels deep
    out_.append(whole, open);
  }

 private:
  void keep(const std::string& text) {
    if (spill_ != nullptr && std::fwrite(text.data(), 1, text.size(), spill_) == text.size()) {
      spilled_ += text.size();
      return;
    }
    if (spill_ != nullptr) {  // the temporary file failed (full?): keep everything in memory from here
      std::rewind(spill_);
      kept_.resize(spilled_);
      if (std::fread(kept_.data(), 1, spilled_, spill_) != spilled_)
        throw std::runtime_error("cannot read back the SARIF results");
      std::fclose(spill_);
      spill_ = nullptr;
    }
    kept_ += text;
  }

  json rules_ = json::array();
  std::map<std::string, std::size_t, std::less<>> index_of_;
  std::FILE* spill_;
  std::size_t spilled_ = 0;  // bytes of whole results in spill_
  std::string kept_;
  std::string item_;
  std::size_t results_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer() { return std::make_unique<SarifWriter>(); }

std::string render_sarif(const std::vector<FileReport>& files) {
  SarifWriter writer;
  return render_with(writer, files);
}

}  // namespace appflow_lint::format
