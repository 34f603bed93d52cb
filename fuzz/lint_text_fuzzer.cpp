// lint_text on arbitrary bytes, both operations, every format rendered from the result.
// Checks: no crash, leak, UB or timeout; ranges stay inside the text; the JSON format
// is valid JSON.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "common.hpp"

using namespace appflow_lint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<format::FileReport> files;
  for (const Operation operation : {Operation::UpdateConnectorProfile, Operation::CreateConnectorProfile}) {
    format::FileReport report;
    report.path = "fuzz.json";
    report.operation = operation;
    report.text = text;
    report.documents.push_back({std::nullopt, appflow_fuzz::linter(operation).lint_text(text), 0, text.size(), 0});
    files.push_back(std::move(report));
  }
  const auto outputs = appflow_fuzz::render_all(files);
  if (!nlohmann::json::accept(outputs[2])) appflow_fuzz::fail("--format json is not JSON", outputs[2]);
  if (!nlohmann::json::accept(outputs[3])) appflow_fuzz::fail("--format sarif is not JSON", outputs[3]);
  return 0;
}
