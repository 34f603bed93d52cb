// Turns the command line's PATH arguments into the inputs to lint.
#pragma once

#include <string>
#include <vector>

namespace appflow_lint::cli {

enum class InputKind { Json, JsonLines };

struct Input {
  std::string path;  // as shown in output; "-" for standard input
  InputKind kind = InputKind::Json;
  bool is_stdin = false;
};

struct CollectedInputs {
  std::vector<Input> inputs;
  std::vector<std::string> problems;  // paths that cannot be read, in words
};

// Files are taken as given (by extension: .jsonl/.ndjson are JSON Lines);
// directories are searched recursively for *.json, *.jsonl and *.ndjson, in sorted
// order, skipping hidden directories. FIFOs, devices and missing paths are problems.
CollectedInputs collect_inputs(const std::vector<std::string>& paths, bool stdin_is_jsonl);

// The whole content, or false with `error` set.
bool read_input(const Input& input, std::string& content, std::string& error);

}  // namespace appflow_lint::cli
