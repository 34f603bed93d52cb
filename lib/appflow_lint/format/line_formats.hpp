// One line per diagnostic, for tools that read compiler output:
//   gcc:    `path:line:col: severity: message [rule]` (editors' problem matchers)
//   github: GitHub Actions workflow commands (`::error file=...::message`)
#pragma once

#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"

namespace appflow_lint::format {

std::string render_gcc(const std::vector<FileReport>& files);
std::string render_github(const std::vector<FileReport>& files);

}  // namespace appflow_lint::format
