// One line per diagnostic, for tools that read compiler output:
//   gcc:    `path:line:col: severity: message [rule]` (editors' problem matchers)
//   github: GitHub Actions workflow commands (`::error file=...::message`)
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/writer.hpp"

namespace appflow_lint::format {

std::unique_ptr<ReportWriter> make_gcc_writer();
std::unique_ptr<ReportWriter> make_github_writer();

std::string render_gcc(const std::vector<FileReport>& files);
std::string render_github(const std::vector<FileReport>& files);

}  // namespace appflow_lint::format
