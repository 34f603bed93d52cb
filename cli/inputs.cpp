#include "inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>
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

// Walks `root` without following links to folders (no loops). A folder that cannot be
// read, a dangling link or a link loop is a problem, never a silent skip: a CI run
// must not pass on files it did not lint.
void collect_directory(const fs::path& root, CollectedInputs& out) {
  std::vector<fs::path> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path folder = pending.back();
    pending.pop_back();
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error) {
      out.problems.push_back(folder.string() + ": cannot read directory: " + error.message());
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(error)) {
      if (error) {
        out.problems.push_back(folder.string() + ": cannot read directory: " + error.message());
        break;
      }
      const fs::path& path = it->path();
      if (path.filename().string().starts_with(".")) continue;
      std::error_code link_error;
      const fs::file_status own = fs::symlink_status(path, link_error);
      const fs::file_status target = fs::status(path, link_error);
      if (own.type() == fs::file_type::symlink && (link_error || target.type() == fs::file_type::not_found)) {
        out.problems.push_back(path.string() + ": broken symbolic link" +
                               (link_error ? " (" + link_error.message() + ")" : std::string()));
        continue;
      }
      if (target.type() == fs::file_type::directory) {
        if (own.type() != fs::file_type::symlink) pending.push_back(path);
        continue;
      }
      if (has_extension(path, {".json", ".jsonl", ".ndjson"})) {
        if (target.type() == fs::file_type::regular) {
          found.push_back(path);
        } else {
          out.problems.push_back(path.string() + ": not a regular file");
        }
      }
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& path : found) out.inputs.push_back({path.string(), kind_of(path), false});
}

// Appends `stream` to `content`; false past kMaxInputBytes (an endless stream stops there).
bool read_bounded(std::istream& stream, std::string& content) {
  std::vector<char> chunk(1 << 16);
  while (stream) {
    stream.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(stream.gcount());
    if (content.size() + got > kMaxInputBytes) return false;
    content.append(chunk.data(), got);
  }
  return true;
}

std::string too_large(const std::string& path) {
  return path + ": larger than " + std::to_string(kMaxInputBytes >> 20) +
         " MiB, the most one input may hold; split it (JSON Lines files line by line)";
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
  content.clear();
  if (input.is_stdin) {
    if (!read_bounded(std::cin, content)) {
      error = too_large("standard input");
      return false;
    }
    return true;
  }
  std::error_code size_error;
  if (const auto size = fs::file_size(input.path, size_error); !size_error && size > kMaxInputBytes) {
    error = too_large(input.path);
    return false;
  }
  std::ifstream file(input.path, std::ios::binary);
  if (!file) {
    error = input.path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  if (!read_bounded(file, content)) {
    error = too_large(input.path);
    return false;
  }
  if (file.bad()) {
    error = input.path + ": read error: " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace appflow_lint::cli
