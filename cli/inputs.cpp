#include "inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace appflow_lint::cli {
namespace fs = std::filesystem;
namespace {

bool has_extension(const fs::path& path, std::initializer_list<std::string_view> extensions) {
  const std::string extension = path.extension().string();
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view wanted) { return extension == wanted; });
}

InputKind kind_of(const fs::path& path) {
  return has_extension(path, {".jsonl", ".ndjson"}) ? InputKind::JsonLines : InputKind::Json;
}

void collect_directory(const fs::path& root, CollectedInputs& out) {
  std::vector<fs::path> found;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) {
    out.problems.push_back(root.string() + ": cannot read directory: " + error.message());
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
    if (error) {
      out.problems.push_back(it->path().string() + ": " + error.message());
      break;
    }
    const fs::path& path = it->path();
    const bool hidden = path.filename().string().starts_with(".");
    if (it->is_directory(error)) {
      if (hidden) it.disable_recursion_pending();
      continue;
    }
    if (!hidden && it->is_regular_file(error) && has_extension(path, {".json", ".jsonl", ".ndjson"})) {
      found.push_back(path);
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& path : found) out.inputs.push_back({path.string(), kind_of(path), false});
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& paths, bool stdin_is_jsonl) {
  CollectedInputs out;
  for (const auto& argument : paths) {
    if (argument == "-") {
      out.inputs.push_back({"-", stdin_is_jsonl ? InputKind::JsonLines : InputKind::Json, true});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(argument, error);
    if (error || status.type() == fs::file_type::not_found) {
      out.problems.push_back(argument + ": no such file or directory");
    } else if (status.type() == fs::file_type::directory) {
      collect_directory(argument, out);
    } else if (status.type() != fs::file_type::regular) {
      // Opening a FIFO or a device could block forever or read without end.
      out.problems.push_back(argument + ": not a regular file or directory");
    } else {
      out.inputs.push_back({argument, kind_of(argument), false});
    }
  }
  return out;
}

bool read_input(const Input& input, std::string& content, std::string& error) {
  if (input.is_stdin) {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    content = buffer.str();
    return true;
  }
  std::ifstream file(input.path, std::ios::binary);
  if (!file) {
    error = input.path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  content.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  if (file.bad()) {
    error = input.path + ": read error: " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace appflow_lint::cli
