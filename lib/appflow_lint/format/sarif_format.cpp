#include "appflow_lint/format/sarif_format.hpp"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/format/artifact_uri.hpp"
#include "appflow_lint/format/json_text.hpp"
#include "appflow_lint/format/result_fingerprint.hpp"
#include "appflow_lint/format/rule_markdown.hpp"
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

json artifact_location(const ArtifactUri& artifact) {
  json location = {{"uri", artifact.uri}};
  if (artifact.base_id) location["uriBaseId"] = std::string(*artifact.base_id);
  return location;
}

// help.text is plain text: the summary and the reasons, whose Markdown reads as text.
std::string help_text(const RuleInfo& rule) {
  std::string text(rule.summary);
  if (!rule.docs.empty()) text += "\n\n" + std::string(rule.docs);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

json rule_descriptor(const RuleInfo& rule, std::string_view docs_base_url) {
  return {{"id", rule.id},
          {"name", sarif_rule_name(rule.id)},
          {"shortDescription", {{"text", rule.summary}}},
          {"fullDescription", {{"text", rule.docs}}},
          {"help", {{"text", help_text(rule)}, {"markdown", rule_help_markdown(rule)}}},
          {"helpUri", std::string(docs_base_url) + std::string(rule.id) + ".md"},
          {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
          // SARIF's property bag: the rule's category (also as a tag, which code-scanning
          // services filter on), whether it offers fixes, and the release it appeared in.
          {"properties",
           {{"category", to_string(rule.category)},
            {"fix", to_string(rule.fix)},
            {"since", rule.since},
            {"tags", json::array({to_string(rule.category)})}}}};
}

json result(const ArtifactUri& artifact, std::optional<std::size_t> document, const Diagnostic& diagnostic,
            std::size_t rule_index) {
  json location = {{"physicalLocation", {{"artifactLocation", artifact_location(artifact)}}}};
  if (diagnostic.range) location["physicalLocation"]["region"] = region(*diagnostic.range);
  location["logicalLocations"] = json::array({{{"fullyQualifiedName", diagnostic.pointer}, {"kind", "member"}}});
  json out = {{"ruleId", diagnostic.rule},
              {"ruleIndex", rule_index},
              {"level", sarif_level(diagnostic.severity)},
              {"message", {{"text", diagnostic.message}}},
              {"locations", json::array({location})},
              {"partialFingerprints",
               {{kFingerprintKey, result_fingerprint(diagnostic.rule, diagnostic.pointer, artifact.uri, document)}}}};
  json fixes = json::array();
  for (const auto& suggestion : diagnostic.suggestions) {
    if (!suggestion.replacement) continue;
    fixes.push_back(
        {{"description", {{"text", suggestion.message}}},
         {"properties", {{"applicability", to_string(suggestion.applicability)}}},
         {"artifactChanges",
          json::array(
              {{{"artifactLocation", artifact_location(artifact)},
                {"replacements", json::array({{{"deletedRegion", region(suggestion.replacement->range)},
                                               {"insertedContent", {{"text", suggestion.replacement->text}}}}})}}})}});
  }
  if (!fixes.empty()) out["fixes"] = std::move(fixes);
  return out;
}

std::string current_folder() {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::current_path(error);
  return error ? std::string() : folder.string();
}

// The log ends with its results, so they are kept until finish(): printed already (as
// they will sit in the log), in a temporary file, or in memory when there is none.
class SarifWriter final : public ReportWriter {
 public:
  explicit SarifWriter(SarifOptions options) : options_(std::move(options)), spill_(std::tmpfile()) {
    if (options_.working_directory.empty()) options_.working_directory = current_folder();
    if (!options_.docs_base_url.empty() && !options_.docs_base_url.ends_with('/')) options_.docs_base_url += '/';
    for (const auto& rule : list_rules()) {
      index_of_.emplace(std::string(rule.id), rules_.size());
      rules_.push_back(rule_descriptor(rule, options_.docs_base_url));
    }
  }
  ~SarifWriter() override {
    if (spill_ != nullptr) std::fclose(spill_);
  }
  SarifWriter(const SarifWriter&) = delete;
  SarifWriter& operator=(const SarifWriter&) = delete;

  void document(const FileHeader& file, const DocumentView& document) override {
    if (document.result.diagnostics.empty()) return;
    if (file.path != artifact_path_) {  // encoded once per file, for its first result
      artifact_ = artifact_uri(file.path, options_.working_directory);
      artifact_path_ = std::string(file.path);
    }
    for (const auto& diagnostic : document.result.diagnostics) {
      const auto found = index_of_.find(diagnostic.rule);
      item_ = results_ == 0 ? "\n" : ",\n";
      ++results_;
      // runs[0].results[i] sits 4 levels deep.
      append_nested(item_, result(artifact_, document.index, diagnostic, found == index_of_.end() ? 0 : found->second),
                    4, true);
      keep(item_);
    }
  }

  void problem(std::string_view message) override {
    notifications_.push_back({{"level", "error"}, {"message", {{"text", std::string(message)}}}});
    failed_ = true;
  }

  void warning(std::string_view message) override {
    notifications_.push_back({{"level", "warning"}, {"message", {{"text", std::string(message)}}}});
  }

  void finish(const Summary& summary) override {
    json driver = {{"name", "appflow-lint"},
                   {"version", kVersion},
                   {"informationUri", "https://github.com/appflow-lint/appflow-lint"},
                   {"rules", rules_}};
    json invocation = this->invocation();
    add_configuration_notes(summary.configuration_notes, driver, invocation);
    json run = {{"tool", {{"driver", std::move(driver)}}}, {"invocations", json::array({std::move(invocation)})}};
    if (!options_.working_directory.empty()) {
      run["originalUriBaseIds"] = {
          {kSourceRootBaseId, {{"uri", file_uri(options_.working_directory, /*folder=*/true)}}}};
    }
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = json::array();
    const json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", json::array({std::move(run)})}};
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
  // Notes about configuration files go where SARIF keeps problems with the tool's
  // configuration: the invocation's toolConfigurationNotifications, each naming its
  // descriptor in driver.notifications and the place in the file.
  void add_configuration_notes(const std::vector<ConfigurationNote>& notes, json& driver, json& invocation) const {
    if (notes.empty()) return;
    json descriptors = json::array();
    json notifications = json::array();
    std::map<std::string, std::size_t, std::less<>> index_of;
    for (const auto& note : notes) {
      auto [found, added] = index_of.try_emplace(note.rule, descriptors.size());
      if (added) {
        descriptors.push_back({{"id", note.rule}, {"defaultConfiguration", {{"level", "note"}}}});
      }
      json location = {{"artifactLocation", artifact_location(artifact_uri(note.path, options_.working_directory))}};
      if (note.at) location["region"] = {{"startLine", note.at->line}, {"startColumn", note.at->column}};
      notifications.push_back({{"descriptor", {{"id", note.rule}, {"index", found->second}}},
                               {"level", "note"},
                               {"message", {{"text", note.message}}},
                               {"locations", json::array({{{"physicalLocation", std::move(location)}}})}});
    }
    driver["notifications"] = std::move(descriptors);
    invocation["toolConfigurationNotifications"] = std::move(notifications);
  }

  json invocation() const {
    json out = {{"executionSuccessful", !failed_}};
    json overrides = json::array();
    for (const auto& [id, level] : options_.run_severities) {
      const auto found = index_of_.find(id);
      const RuleInfo* rule = find_rule(id);
      if (found == index_of_.end() || rule == nullptr || level == rule->severity) continue;
      json configuration = level ? json{{"level", sarif_level(*level)}} : json{{"enabled", false}};
      overrides.push_back(
          {{"descriptor", {{"id", id}, {"index", found->second}}}, {"configuration", std::move(configuration)}});
    }
    if (!overrides.empty()) out["ruleConfigurationOverrides"] = std::move(overrides);
    if (!notifications_.empty()) out["toolExecutionNotifications"] = notifications_;
    return out;
  }

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

  SarifOptions options_;
  ArtifactUri artifact_;       // of the last file with results
  std::string artifact_path_;  // that file's path
  json notifications_ = json::array();
  bool failed_ = false;  // a problem() makes the run exit 2: it did not succeed
  json rules_ = json::array();
  std::map<std::string, std::size_t, std::less<>> index_of_;
  std::FILE* spill_;
  std::size_t spilled_ = 0;  // bytes of whole results in spill_
  std::string kept_;
  std::string item_;
  std::size_t results_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer(SarifOptions options) {
  return std::make_unique<SarifWriter>(std::move(options));
}

std::string sarif_rule_name(std::string_view id) {
  std::string name;
  bool word_start = true;
  for (const char c : id) {
    if (c == '.' || c == '-' || c == '_') {
      word_start = true;
      continue;
    }
    name += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    word_start = false;
  }
  return name;
}

std::string render_sarif(const std::vector<FileReport>& files, SarifOptions options) {
  SarifWriter writer(std::move(options));
  return render_with(writer, files);
}

}  // namespace appflow_lint::format
