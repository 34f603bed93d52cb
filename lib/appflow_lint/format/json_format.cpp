#include "appflow_lint/format/json_format.hpp"

#include <nlohmann/json.hpp>

#include "appflow_lint/format/json_text.hpp"
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
      json item = {{"message", suggestion.message}, {"applicability", to_string(suggestion.applicability)}};
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

// The stream: `{`, "tool", "files": [ file, file, … ], "summary", `}`.
class JsonWriter final : public ReportWriter {
 public:
  JsonWriter() {
    out_ += "{\n  \"tool\": ";
    append_nested(out_, {{"name", "appflow-lint"}, {"version", kVersion}}, 1, false);
    out_ += ",\n  \"files\": [";
  }

  void begin_file(const FileHeader& file) override {
    out_ += files_ == 0 ? "\n" : ",\n";
    ++files_;
    diagnostics_ = 0;
    out_ += "    {\n      \"path\": ";
    out_ += dump_json(json(std::string(file.path)));
    out_ += ",\n      \"operation\": ";
    out_ += dump_json(json(std::string(to_string(file.operation))));
    out_ += ",\n      \"diagnostics\": [";
  }

  void document(const FileHeader& file, const DocumentView& document) override {
    document_rendered(file, document, *render_document(file, document));
  }

  // The document's diagnostics, joined; the separator before them depends on the
  // documents before, so document_rendered() writes it.
  std::optional<std::string> render_document(const FileHeader&, const DocumentView& document) const override {
    std::string out;
    for (const auto& diagnostic : document.result.diagnostics) {
      if (!out.empty()) out += ",\n";
      append_nested(out, to_json(diagnostic, document.index), 4, true);
    }
    return out;
  }
  void document_rendered(const FileHeader&, const DocumentView& document, const std::string& rendered) override {
    if (document.result.diagnostics.empty()) return;
    out_ += diagnostics_ == 0 ? "\n" : ",\n";
    diagnostics_ += document.result.diagnostics.size();
    out_ += rendered;
  }

  void end_file(const FileHeader&) override { out_ += diagnostics_ == 0 ? "]\n    }" : "\n      ]\n    }"; }

  void finish(const Summary& summary) override {
    out_ += files_ == 0 ? "]" : "\n  ]";
    out_ += ",\n  \"summary\": ";
    nlohmann::ordered_json counts = {{"files", summary.files},
                                     {"documents", summary.documents},
                                     {"errors", summary.errors},
                                     {"warnings", summary.warnings},
                                     {"infos", summary.infos}};
    if (summary.fixed) counts["fixed"] = *summary.fixed;
    if (summary.suppressed) counts["suppressed"] = *summary.suppressed;
    append_nested(out_, counts, 1, false);
    if (summary.statistics) {  // an addition to the contract's object: --statistics only
      json statistics = json::array();
      for (const auto& each : *summary.statistics) {
        statistics.push_back(
            json{{"rule", each.rule}, {"count", each.count}, {"severity", std::string(to_string(each.severity))}});
      }
      out_ += ",\n  \"statistics\": ";
      append_nested(out_, statistics, 1, false);
    }
    if (!summary.configuration_notes.empty()) {  // an addition too: unused suppressions, a stale baseline
      json notes = json::array();
      for (const auto& note : summary.configuration_notes) {
        json each = {{"rule", note.rule}, {"severity", "info"}, {"message", note.message}, {"path", note.path}};
        if (note.at) each["position"] = {{"line", note.at->line}, {"column", note.at->column}};
        notes.push_back(std::move(each));
      }
      out_ += ",\n  \"configurationNotes\": ";
      append_nested(out_, notes, 1, false);
    }
    out_ += "\n}\n";
  }

 private:
  std::size_t files_ = 0;
  std::size_t diagnostics_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer() { return std::make_unique<JsonWriter>(); }

std::string render_json(const std::vector<FileReport>& files) {
  JsonWriter writer;
  return render_with(writer, files);
}

}  // namespace appflow_lint::format
