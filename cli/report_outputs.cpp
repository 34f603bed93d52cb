#include "report_outputs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/format/json_format.hpp"
#include "appflow_lint/format/line_formats.hpp"
#include "appflow_lint/format/sarif_format.hpp"
#include "appflow_lint/format/text_format.hpp"
#include "did_you_mean.hpp"

namespace appflow_lint::cli {
namespace fs = std::filesystem;

const std::vector<std::pair<std::string, OutputFormat>>& output_formats() {
  static const std::vector<std::pair<std::string, OutputFormat>> formats{{"text", OutputFormat::Text},
                                                                         {"json", OutputFormat::Json},
                                                                         {"sarif", OutputFormat::Sarif},
                                                                         {"gcc", OutputFormat::Gcc},
                                                                         {"github", OutputFormat::Github}};
  return formats;
}

std::unique_ptr<format::ReportWriter> make_report_writer(OutputFormat format, bool color,
                                                         const format::SarifOptions& sarif) {
  switch (format) {
    case OutputFormat::Json:
      return format::make_json_writer();
    case OutputFormat::Sarif:
      return format::make_sarif_writer(sarif);
    case OutputFormat::Gcc:
      return format::make_gcc_writer();
    case OutputFormat::Github:
      return format::make_github_writer();
    case OutputFormat::Text:
      break;
  }
  return format::make_text_writer({color, true});
}

// --- ReportFile ------------------------------------------------------------------------

ReportFile::~ReportFile() {
  if (stream_ != nullptr) std::fclose(stream_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

bool ReportFile::open(const std::string& path, std::string& error) {
  path_ = path;
  std::error_code status;
  if (fs::is_directory(path, status)) {
    error = fmt::format("-o {}: is a folder, not a file", printable(path));
    return false;
  }
  const fs::path folder = fs::path(path).parent_path();
  // Hidden, beside PATH: the rename stays on one filesystem, so it replaces PATH at once.
  std::string name = (folder / ("." + fs::path(path).filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = fmt::format("-o {}: cannot write there: {}", printable(path), std::strerror(errno));
    return false;
  }
  temporary_ = name;
  // mkstemp creates the file 0600; a report is as readable as any file the user creates.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  stream_ = ::fdopen(fd, "wb");
  if (stream_ == nullptr) {
    ::close(fd);
    error = fmt::format("-o {}: cannot write there: {}", printable(path), std::strerror(errno));
    return false;
  }
  return true;
}

void ReportFile::write(std::string& text) {
  if (text.empty() || stream_ == nullptr) return;
  if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size() && write_error_ == 0) write_error_ = errno;
  text.clear();
}

bool ReportFile::commit(std::string& error) {
  if (stream_ != nullptr && std::fclose(stream_) != 0 && write_error_ == 0) write_error_ = errno;
  stream_ = nullptr;
  if (write_error_ == 0 && ::rename(temporary_.c_str(), path_.c_str()) == 0) {
    temporary_.clear();
    return true;
  }
  error = fmt::format("-o {}: the report was not written: {}", printable(path_),
                      std::strerror(write_error_ != 0 ? write_error_ : errno));
  return false;
}

// --- FanOutWriter ----------------------------------------------------------------------

FanOutWriter::FanOutWriter(std::unique_ptr<format::ReportWriter> primary, std::vector<FileOutput> files)
    : primary_(std::move(primary)), files_(std::move(files)) {
  // A writer with much to print at once (SARIF's finish()) hands its text over as it goes.
  primary_->set_sink([this](std::string& text) {
    out_ += text;
    text.clear();
    drain();
  });
  for (auto& each : files_) each.writer->set_sink([file = each.file.get()](std::string& text) { file->write(text); });
}

void FanOutWriter::collect() {
  out_ += primary_->output();
  primary_->output().clear();
  for (auto& each : files_) each.file->write(each.writer->output());
}

void FanOutWriter::begin_file(const format::FileHeader& file) {
  primary_->begin_file(file);
  for (auto& each : files_) each.writer->begin_file(file);
  collect();
}

void FanOutWriter::document(const format::FileHeader& file, const format::DocumentView& document) {
  primary_->document(file, document);
  for (auto& each : files_) each.writer->document(file, document);
  collect();
}

std::optional<std::string> FanOutWriter::render_document(const format::FileHeader& file,
                                                         const format::DocumentView& document) const {
  return primary_->render_document(file, document);
}

void FanOutWriter::document_rendered(const format::FileHeader& file, const format::DocumentView& document,
                                     const std::string& rendered) {
  primary_->document_rendered(file, document, rendered);
  for (auto& each : files_) each.writer->document(file, document);
  collect();
}

void FanOutWriter::end_file(const format::FileHeader& file) {
  primary_->end_file(file);
  for (auto& each : files_) each.writer->end_file(file);
  collect();
}

void FanOutWriter::problem(std::string_view message) {
  primary_->problem(message);
  for (auto& each : files_) each.writer->problem(message);
}

void FanOutWriter::warning(std::string_view message) {
  primary_->warning(message);
  for (auto& each : files_) each.writer->warning(message);
}

void FanOutWriter::finish(const format::Summary& summary) {
  primary_->finish(summary);
  for (auto& each : files_) each.writer->finish(summary);
  collect();
}

std::vector<std::string> FanOutWriter::commit() {
  std::vector<std::string> failed;
  for (auto& each : files_) {
    if (std::string error; !each.file->commit(error)) failed.push_back(std::move(error));
  }
  return failed;
}

bool open_report_files(const std::vector<std::string>& specs, std::vector<FanOutWriter::FileOutput>& out,
                       std::string& error) {
  std::vector<std::pair<fs::path, std::string>> written;  // each file, and the spec that names it
  for (const std::string& spec : specs) {
    const auto colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    const auto& formats = output_formats();
    const auto format =
        std::find_if(formats.begin(), formats.end(), [&](const auto& known) { return known.first == name; });
    std::vector<std::string> names;
    for (const auto& known : formats) names.push_back(known.first);
    if (colon == std::string::npos) {
      error = fmt::format("-o {}: expected FORMAT:PATH, FORMAT one of {}", printable(spec), fmt::join(names, ", "));
      return false;
    }
    if (format == formats.end()) {
      error = fmt::format("-o {}: FORMAT {}", printable(spec), not_one_of(printable(name), names));
      return false;
    }
    const std::string path = spec.substr(colon + 1);
    if (path.empty() || path == "-") {
      error = fmt::format("-o {}: PATH must name a file (standard output takes --format)", printable(spec));
      return false;
    }
    // Two reports renamed onto one file would leave only the last: refuse it, however
    // the two name it (./r.json, a link to it).
    std::error_code unresolved;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path, unresolved), unresolved);
    if (unresolved) resolved = fs::absolute(path).lexically_normal();
    const auto same = std::find_if(written.begin(), written.end(), [&](const auto& w) { return w.first == resolved; });
    if (same != written.end()) {
      error = fmt::format("-o {}: -o {} writes that file already", printable(spec), printable(same->second));
      return false;
    }
    written.emplace_back(resolved, spec);
    auto file = std::make_unique<ReportFile>();
    if (!file->open(path, error)) return false;
    out.push_back({format->second, nullptr, std::move(file)});
  }
  return true;
}

}  // namespace appflow_lint::cli
