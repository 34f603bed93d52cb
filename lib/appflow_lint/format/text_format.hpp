// `--format text`: for people. `path:line:col: severity: message [rule]`, the
// source line (sensitive values masked) with a caret underline, then a summary.
#pragma once

#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"

namespace appflow_lint::format {

struct TextOptions {
  bool color = false;
  bool show_source = true;
};

std::string render_text(const std::vector<FileReport>& files, const TextOptions& options);

}  // namespace appflow_lint::format
