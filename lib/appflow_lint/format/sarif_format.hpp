// `--format sarif`: SARIF 2.1.0 for code-scanning services. Rule descriptors come
// from RuleInfo; results refer to them by id and index; columns are code points.
// The writer keeps the results (never the documents) and prints the log at finish().
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/writer.hpp"

namespace appflow_lint::format {

std::unique_ptr<ReportWriter> make_sarif_writer();

std::string render_sarif(const std::vector<FileReport>& files);

}  // namespace appflow_lint::format
