// `--format json`: one object per run, exactly as the CLI contract describes.
#pragma once

#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"

namespace appflow_lint::format {

std::string render_json(const std::vector<FileReport>& files);

}  // namespace appflow_lint::format
