#include "appflow_lint/format/line_formats.hpp"

#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"

namespace appflow_lint::format {
namespace {

// GitHub's workflow-command escaping: data escapes %, CR, LF; property values also : and ,.
std::string escape_github(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string_view github_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "error";
}

// gcc's own words: problem matchers written for gcc (VS Code's $gcc, Emacs, Vim's
// errorformat) know error, warning and note, not info.
std::string_view gcc_level(Severity severity) { return severity == Severity::Info ? "note" : to_string(severity); }

// Prints each diagnostic of each document as it comes.
template <typename Render>
class LineWriter final : public PerDocumentWriter {
 public:
  explicit LineWriter(Render render) : render_(std::move(render)) {}

 private:
  void render(std::string& out, const FileHeader& file, const DocumentView& document) const override {
    for (const auto& diagnostic : document.result.diagnostics) {
      const Range range = diagnostic.range.value_or(Range{{1, 1}, {1, 1}});
      render_(out, file, diagnostic, range);
    }
  }

 private:
  Render render_;
};

void gcc_line(std::string& out, const FileHeader& file, const Diagnostic& d, const Range& range) {
  // One line per diagnostic, whatever a path or a message holds: problem matchers read lines.
  fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {} [{}]\n", printable(file.path), range.start.line,
                 range.start.column, gcc_level(d.severity), printable(d.message), d.rule);
}

void github_line(std::string& out, const FileHeader& file, const Diagnostic& d, const Range& range) {
  fmt::format_to(std::back_inserter(out), "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                 github_level(d.severity), escape_github(printable(file.path), true), range.start.line,
                 range.start.column, range.end.line, range.end.column, escape_github(d.rule, true),
                 escape_github(printable(d.message), false));
}

using Line = void (*)(std::string&, const FileHeader&, const Diagnostic&, const Range&);

}  // namespace

std::unique_ptr<ReportWriter> make_gcc_writer() { return std::make_unique<LineWriter<Line>>(&gcc_line); }
std::unique_ptr<ReportWriter> make_github_writer() { return std::make_unique<LineWriter<Line>>(&github_line); }

std::string render_gcc(const std::vector<FileReport>& files) {
  LineWriter<Line> writer(&gcc_line);
  return render_with(writer, files);
}

std::string render_github(const std::vector<FileReport>& files) {
  LineWriter<Line> writer(&github_line);
  return render_with(writer, files);
}

}  // namespace appflow_lint::format
