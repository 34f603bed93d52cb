// Turns the command line's PATH arguments into the inputs to lint.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace appflow_lint::cli {

// The most one input (a file, or standard input) may hold: a request is a few KB,
// and a bound keeps `appflow-lint - < /dev/zero` from reading forever.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;

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
// order, skipping hidden files and directories and not following links to folders.
// FIFOs, devices, missing paths, unreadable folders and broken links are problems.
CollectedInputs collect_inputs(const std::vector<std::string>& paths, bool stdin_is_jsonl);

// The whole content, or false with `error` set (also past kMaxInputBytes).
bool read_input(const Input& input, std::string& content, std::string& error);

}  // namespace appflow_lint::cli
