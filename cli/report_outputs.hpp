// Where the report goes: standard output in the --format format, and one more copy
// per `-o FORMAT:PATH`. Each copy has its own writer, fed the same files and
// documents as they are reported (the pipeline sees one writer that fans out), and
// its own file, written beside PATH and renamed over it once complete, so a reader
// of PATH never sees half a report.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "appflow_lint/format/sarif_format.hpp"
#include "appflow_lint/format/writer.hpp"
#include "command_line.hpp"

namespace appflow_lint::cli {

// The formats of --format and -o by name, in the order usage messages list them.
const std::vector<std::pair<std::string, OutputFormat>>& output_formats();

// `sarif`: the run's configured levels, for a SARIF writer (sarif_options.hpp).
std::unique_ptr<format::ReportWriter> make_report_writer(OutputFormat format, bool color,
                                                         const format::SarifOptions& sarif = {});

// A report file being written: a temporary file in PATH's folder until commit().
class ReportFile {
 public:
  ReportFile() = default;
  ReportFile(const ReportFile&) = delete;
  ReportFile& operator=(const ReportFile&) = delete;
  ~ReportFile();  // not committed: the temporary file is removed, PATH left as it was

  // False with `error` set when PATH cannot be written (a missing or read-only folder,
  // a folder named PATH).
  bool open(const std::string& path, std::string& error);
  // Takes `text` (leaving it empty).
  void write(std::string& text);
  // Renames the finished file over PATH; false with `error` set when a write failed.
  bool commit(std::string& error);

 private:
  std::string path_;
  std::string temporary_;
  std::FILE* stream_ = nullptr;
  int write_error_ = 0;
};

// Passes everything it is told to the standard output writer and to each file's
// writer, and keeps in output() only what goes to standard output.
class FanOutWriter final : public format::ReportWriter {
 public:
  struct FileOutput {
    OutputFormat format = OutputFormat::Text;
    std::unique_ptr<format::ReportWriter> writer;  // made once the inputs are known (SARIF needs them)
    std::unique_ptr<ReportFile> file;
  };
  FanOutWriter(std::unique_ptr<format::ReportWriter> primary, std::vector<FileOutput> files);

  void begin_file(const format::FileHeader& file) override;
  void document(const format::FileHeader& file, const format::DocumentView& document) override;
  // Standard output's text is rendered by the pipeline's workers as before; the files'
  // writers render on the reporting thread.
  std::optional<std::string> render_document(const format::FileHeader& file,
                                             const format::DocumentView& document) const override;
  void document_rendered(const format::FileHeader& file, const format::DocumentView& document,
                         const std::string& rendered) override;
  void end_file(const format::FileHeader& file) override;
  void problem(std::string_view message) override;
  void warning(std::string_view message) override;
  void finish(const format::Summary& summary) override;

  // After finish(): every file renamed over its PATH; the files that failed, in words.
  std::vector<std::string> commit();

 private:
  void collect();

  std::unique_ptr<format::ReportWriter> primary_;
  std::vector<FileOutput> files_;
};

// Parses each `-o FORMAT:PATH` and opens its file (its writer is left to the caller); false with `error` set (a usage
// error).
bool open_report_files(const std::vector<std::string>& specs, std::vector<FanOutWriter::FileOutput>& out,
                       std::string& error);

}  // namespace appflow_lint::cli
