// `--format sarif`: SARIF 2.1.0 for code-scanning services. Rule descriptors come
// from RuleInfo; results refer to them by id and index; columns are code points.
#pragma once

#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"

namespace appflow_lint::format {

std::string render_sarif(const std::vector<FileReport>& files);

}  // namespace appflow_lint::format
