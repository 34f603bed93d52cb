#include "ignore_file.hpp"

#include <fnmatch.h>

#include <span>

namespace appflow_lint::cli {
namespace {

// Trailing spaces end a pattern unless a backslash quotes them; CRs of CRLF files too.
std::string_view trim_end(std::string_view line) {
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
    line.remove_suffix(1);
  }
  return line;
}

std::vector<std::string> split_segments(std::string_view pattern) {
  std::vector<std::string> segments;
  while (!pattern.empty()) {
    const auto slash = pattern.find('/');
    const std::string_view segment = pattern.substr(0, slash);
    // `a//b` is `a/b`, and `**/**` is `**`.
    if (!segment.empty() && !(segment == "**" && !segments.empty() && segments.back() == "**")) {
      segments.emplace_back(segment);
    }
    if (slash == std::string_view::npos) break;
    pattern.remove_prefix(slash + 1);
  }
  return segments;
}

bool match_segments(std::span<const std::string> pattern, std::span<const std::string_view> path) {
  if (pattern.empty()) return path.empty();
  if (pattern.front() == "**") {
    // A trailing `**` matches what is inside, not the folder itself: `build/**` with
    // `!build/keep.json` can re-include the file.
    if (pattern.size() == 1) return !path.empty();
    for (std::size_t skip = 0; skip <= path.size(); ++skip) {
      if (match_segments(pattern.subspan(1), path.subspan(skip))) return true;
    }
    return false;
  }
  if (path.empty()) return false;
  const std::string name(path.front());
  return fnmatch(pattern.front().c_str(), name.c_str(), 0) == 0 && match_segments(pattern.subspan(1), path.subspan(1));
}

// A path as matching needs it, split once per lookup rather than once per pattern.
struct SplitPath {
  std::string name;  // the last segment, for patterns without a `/`
  std::vector<std::string_view> segments;
};

SplitPath split_path(std::string_view relative) {
  SplitPath split;
  for (std::string_view rest = relative; !rest.empty();) {
    const auto slash = rest.find('/');
    split.segments.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (!split.segments.empty()) split.name = std::string(split.segments.back());
  return split;
}

bool matches(const IgnorePattern& pattern, const SplitPath& path, bool is_directory) {
  if (pattern.directories_only && !is_directory) return false;
  // No `/` in the pattern: it matches a name at any depth.
  if (!pattern.anchored) return fnmatch(pattern.segments.front().c_str(), path.name.c_str(), 0) == 0;
  return match_segments(pattern.segments, path.segments);
}

}  // namespace

IgnoreFile::IgnoreFile(std::string_view text, std::string source) : source_(std::move(source)) {
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    line = trim_end(line);
    if (line.empty() || line.front() == '#') continue;
    IgnorePattern pattern;
    pattern.line = line_number;
    pattern.text = std::string(line);
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
      line.remove_prefix(1);  // a literal `!` or `#`
    }
    if (line.ends_with('/')) {
      pattern.directories_only = true;
      line.remove_suffix(1);
    }
    pattern.anchored = line.find('/') != std::string_view::npos;
    pattern.segments = split_segments(line);
    if (pattern.segments.empty()) continue;  // `/` or `!` alone names nothing
    patterns_.push_back(std::move(pattern));
  }
}

const IgnorePattern* IgnoreFile::last_match(std::string_view relative, bool is_directory) const {
  const SplitPath path = split_path(relative);
  for (auto pattern = patterns_.rbegin(); pattern != patterns_.rend(); ++pattern) {
    if (matches(*pattern, path, is_directory)) return &*pattern;
  }
  return nullptr;
}

}  // namespace appflow_lint::cli
