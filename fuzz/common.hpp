// Shared by the fuzz targets: one Linter per operation (built once, like the CLI's),
// and every output format rendered from a report.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/format/json_format.hpp"
#include "appflow_lint/format/line_formats.hpp"
#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/sarif_format.hpp"
#include "appflow_lint/format/text_format.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_fuzz {

inline const appflow_lint::Linter& linter(appflow_lint::Operation operation) {
  static const appflow_lint::Linter update{{appflow_lint::Operation::UpdateConnectorProfile, {}}};
  static const appflow_lint::Linter create{{appflow_lint::Operation::CreateConnectorProfile, {}}};
  return operation == appflow_lint::Operation::CreateConnectorProfile ? create : update;
}

// Every format the CLI prints (text with and without colour), in order.
inline std::vector<std::string> render_all(const std::vector<appflow_lint::format::FileReport>& files) {
  namespace f = appflow_lint::format;
  return {f::render_text(files, {false, true}),
          f::render_text(files, {true, true}),
          f::render_json(files),
          f::render_sarif(files),
          f::render_gcc(files),
          f::render_github(files)};
}

inline const char* kFormatNames[] = {"text", "text (color)", "json", "sarif", "gcc", "github"};

[[noreturn]] inline void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz target check failed: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace appflow_fuzz
