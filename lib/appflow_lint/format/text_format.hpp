// `--format text`: for people. `path:line:col: severity: message [rule]`, the
// source line (sensitive values masked) with a caret underline, then a summary.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/writer.hpp"

namespace appflow_lint::format {

struct TextOptions {
  bool color = false;
  bool show_source = true;
};

std::unique_ptr<ReportWriter> make_text_writer(const TextOptions& options);

std::string render_text(const std::vector<FileReport>& files, const TextOptions& options);

}  // namespace appflow_lint::format
