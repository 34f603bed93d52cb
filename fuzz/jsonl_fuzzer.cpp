// JSON Lines: the CLI's line splitting (cli/lint_inputs.cpp) and a lint per line,
// then the cross-document checks and every format. Checks: no crash, leak, UB or
// timeout; each document's text lies inside the file; ranges are on its line.
#include <cstddef>
#include <cstdint>

#include "appflow_lint/run_checks.hpp"
#include "common.hpp"
#include "lint_inputs.hpp"

using namespace appflow_lint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Operation operation =
      size > 0 && (data[0] & 1) != 0 ? Operation::CreateConnectorProfile : Operation::UpdateConnectorProfile;
  const cli::Input input{"fuzz.jsonl", cli::InputKind::JsonLines, false};
  std::vector<format::FileReport> files;
  files.push_back(
      cli::lint_input(appflow_fuzz::linter(operation), input, std::string(reinterpret_cast<const char*>(data), size)));
  auto& file = files.front();
  std::vector<DocumentInRun> documents;
  for (auto& document : file.documents) {
    if (document.text_offset + document.text_length > file.text.size()) {
      appflow_fuzz::fail("a document lies outside the file", file.text);
    }
    if (!document.index) appflow_fuzz::fail("a JSON Lines document without a line index", "");
    for (const auto& diagnostic : document.result.diagnostics) {
      if (diagnostic.range && diagnostic.range->start.line < document.line_offset + 1) {
        appflow_fuzz::fail("a range above its document's line", diagnostic.message);
      }
    }
    documents.push_back({"fuzz.jsonl line " + std::to_string(*document.index + 1),
                         std::string_view(file.text).substr(document.text_offset, document.text_length),
                         document.line_offset, &document.result});
  }
  check_across_documents(documents);
  (void)appflow_fuzz::render_all(files);
  return 0;
}
