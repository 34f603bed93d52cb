// `--format json`: one object per run, exactly as the CLI contract describes. The
// streaming writer prints it piece by piece (the files array, then the summary), byte
// for byte what serialising the whole object at once would print.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/writer.hpp"

namespace appflow_lint::format {

std::unique_ptr<ReportWriter> make_json_writer();

std::string render_json(const std::vector<FileReport>& files);

}  // namespace appflow_lint::format
