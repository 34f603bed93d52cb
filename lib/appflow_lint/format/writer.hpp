// Streaming output: a writer is told about each file and each document as soon as
// they are linted, in report order, and appends what it can already print to
// output(); the caller takes that text whenever it likes (after each document, to
// stream). Only SARIF, one JSON log whose results precede nothing, keeps its results
// until finish(). No writer keeps a document or its text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint::format {

struct FileHeader {
  std::string_view path;
  Operation operation = Operation::UpdateConnectorProfile;
};

// One document as the writers see it; ranges in `result` are file positions.
struct DocumentView {
  std::optional<std::size_t> index;  // set for multi-document inputs (JSON Lines)
  const LintResult& result;
  std::string_view text;          // the document's own text, for quoting its lines
  std::uint32_t line_offset = 0;  // its first line is line_offset + 1 of the file
};

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;

  virtual void begin_file(const FileHeader& file) { (void)file; }
  virtual void document(const FileHeader& file, const DocumentView& document) = 0;

  // What document() would append for this document, rendered on its own: const and
  // free of the writer's state, so a pipeline's workers may render documents in
  // parallel and the reporting thread only appends (document_rendered()). nullopt from
  // a writer whose output for a document depends on more than that document.
  virtual std::optional<std::string> render_document(const FileHeader& file, const DocumentView& document) const {
    (void)file;
    (void)document;
    return std::nullopt;
  }
  // Appends what render_document() returned for this document; the same output as
  // document() would write.
  virtual void document_rendered(const FileHeader& file, const DocumentView& document, const std::string& rendered) {
    (void)rendered;
    this->document(file, document);
  }
  virtual void end_file(const FileHeader& file) { (void)file; }
  // Something that makes the run exit 2 (a path that cannot be read or matches
  // nothing, a rule module that failed), in words, as printed on standard error.
  // Called before finish(); only a writer whose log records the run (SARIF) keeps it.
  virtual void problem(std::string_view message) { (void)message; }
  // Something the run warned of on standard error without failing (a PATH that
  // matched nothing, with --no-error-on-unmatched); kept as problem() is.
  virtual void warning(std::string_view message) { (void)message; }
  // After the last file: the summary counts what was reported.
  virtual void finish(const Summary& summary) { (void)summary; }

  // What was written and not yet taken.
  std::string& output() noexcept { return out_; }

  // A streaming caller's sink: a writer with much to print at once (SARIF's finish())
  // hands it output() as it goes. The sink takes the text and leaves it empty.
  void set_sink(std::function<void(std::string&)> sink) { sink_ = std::move(sink); }

 protected:
  void drain() {
    if (sink_) sink_(out_);
  }

  std::string out_;

 private:
  std::function<void(std::string&)> sink_;
};

// A writer whose text for a document depends on that document alone (text, gcc,
// github): it writes render(), and rendering apart is the same call.
class PerDocumentWriter : public ReportWriter {
 public:
  void document(const FileHeader& file, const DocumentView& document) final { render(out_, file, document); }
  std::optional<std::string> render_document(const FileHeader& file, const DocumentView& document) const final {
    std::string out;
    render(out, file, document);
    return out;
  }
  void document_rendered(const FileHeader&, const DocumentView&, const std::string& rendered) final {
    out_ += rendered;
  }

 protected:
  // Appends the document's text to `out`; const, so workers may call it at once.
  virtual void render(std::string& out, const FileHeader& file, const DocumentView& document) const = 0;
};

// Runs a writer over reports held in memory (the one-shot render_* functions).
inline std::string render_with(ReportWriter& writer, const std::vector<FileReport>& files) {
  for (const auto& file : files) {
    const FileHeader header{file.path, file.operation};
    writer.begin_file(header);
    for (const auto& document : file.documents) {
      writer.document(header, {document.index, document.result,
                               std::string_view(file.text).substr(document.text_offset, document.text_length),
                               document.line_offset});
    }
    writer.end_file(header);
  }
  writer.finish(summarize(files));
  return std::move(writer.output());
}

}  // namespace appflow_lint::format
