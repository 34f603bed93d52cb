#include "appflow_lint/format/text_format.hpp"

#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/format/source_excerpt.hpp"
#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::format {
namespace {

struct Palette {
  std::string_view bold, red, yellow, cyan, dim, reset;
};

constexpr Palette kColors{"\033[1m", "\033[1;31m", "\033[1;33m", "\033[1;36m", "\033[2m", "\033[0m"};
constexpr Palette kPlain{"", "", "", "", "", ""};

std::string_view severity_color(const Palette& palette, Severity severity) {
  switch (severity) {
    case Severity::Error:
      return palette.red;
    case Severity::Warning:
      return palette.yellow;
    case Severity::Info:
      return palette.cyan;
  }
  return palette.reset;
}

// A file range as a range of the document that starts on line line_offset + 1.
Range in_document(Range range, std::uint32_t line_offset) {
  range.start.line -= line_offset;
  range.end.line -= line_offset;
  return range;
}

// `excerpts` quotes the document's own text: its lines are the file's less `line_offset`.
void render_diagnostic(std::string& out, std::string_view path, const Diagnostic& diagnostic,
                       const ExcerptMaker& excerpts, std::uint32_t line_offset, const Palette& palette,
                       const TextOptions& options) {
  const Position start = diagnostic.range ? diagnostic.range->start : Position{1, 1};
  fmt::format_to(std::back_inserter(out), "{}{}:{}:{}:{} {}{}{}: {}", palette.bold, printable(path), start.line,
                 start.column, palette.reset, severity_color(palette, diagnostic.severity),
                 to_string(diagnostic.severity), palette.reset, printable(diagnostic.message));
  fmt::format_to(std::back_inserter(out), " {}[{}]{}\n", palette.dim, diagnostic.rule, palette.reset);
  if (options.show_source && diagnostic.range) {
    const Excerpt excerpt = excerpts.make(in_document(*diagnostic.range, line_offset));
    fmt::format_to(std::back_inserter(out), "  {}\n  {}{}{}\n", excerpt.source,
                   severity_color(palette, diagnostic.severity), excerpt.carets, palette.reset);
  }
  for (const auto& suggestion : diagnostic.suggestions) {
    fmt::format_to(std::back_inserter(out), "  {}help:{} {}", palette.cyan, palette.reset,
                   printable(suggestion.message));
    // An empty replacement deletes the range: the message says so, there is nothing to show.
    if (suggestion.replacement && !suggestion.replacement->text.empty()) {
      fmt::format_to(std::back_inserter(out), ": {}", printable(suggestion.replacement->text));
    }
    out.push_back('\n');
  }
}

std::string plural(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

class TextWriter final : public PerDocumentWriter {
 public:
  explicit TextWriter(const TextOptions& options) : options_(options), palette_(options.color ? kColors : kPlain) {}

  void finish(const Summary& summary) override {
    const std::size_t problems = summary.errors + summary.warnings + summary.infos;
    const std::string scope =
        fmt::format("{}, {}", plural(summary.files, "file"), plural(summary.documents, "document"));
    auto out = std::back_inserter(out_);
    std::string notes = summary.fixed ? fmt::format("; {} fixed", plural(*summary.fixed, "problem")) : "";
    if (summary.suppressed && *summary.suppressed > 0) notes += fmt::format("; {} suppressed", *summary.suppressed);
    if (problems == 0) {
      fmt::format_to(out, "{}no problems{} in {}{}\n", palette_.bold, palette_.reset, scope, notes);
    } else {
      fmt::format_to(out, "{}{} ({}, {}, {}){} in {}{}\n", palette_.bold, plural(problems, "problem"),
                     plural(summary.errors, "error"), plural(summary.warnings, "warning"),
                     plural(summary.infos, "info"), palette_.reset, scope, notes);
    }
  }

 private:
  void render(std::string& out, const FileHeader& file, const DocumentView& document) const override {
    const auto& diagnostics = document.result.diagnostics;
    if (diagnostics.empty()) return;
    // The excerpts quote the document's own text, so its ranges move back by line_offset.
    const source_map::LineIndex lines(document.text);
    std::vector<Range> redactions;
    redactions.reserve(document.result.redactions.size());
    for (const auto& redaction : document.result.redactions) {
      redactions.push_back(in_document(redaction, document.line_offset));
    }
    const ExcerptMaker excerpts(lines, redactions);
    for (const auto& diagnostic : diagnostics) {
      render_diagnostic(out, file.path, diagnostic, excerpts, document.line_offset, palette_, options_);
    }
  }

  TextOptions options_;
  const Palette& palette_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(const TextOptions& options) {
  return std::make_unique<TextWriter>(options);
}

std::string render_text(const std::vector<FileReport>& files, const TextOptions& options) {
  TextWriter writer(options);
  return render_with(writer, files);
}

}  // namespace appflow_lint::format
