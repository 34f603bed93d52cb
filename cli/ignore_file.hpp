// The patterns of one `.gitignore` or `.ignore` file, in gitignore(5) syntax, and
// whether a path below that file's folder matches them.
//
// Hand-written: Debian has no C or C++ library for gitignore matching (libgit2 answers
// only inside a repository, from its index, and knows nothing of `.ignore`). Each
// pattern is split at `/` and matched segment by segment with fnmatch(3); only `**`
// (any number of segments) is handled here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::cli {

struct IgnorePattern {
  std::vector<std::string> segments;  // fnmatch(3) patterns, or "**"
  bool negated = false;               // `!pattern`: re-includes
  bool directories_only = false;      // `pattern/`
  bool anchored = false;              // a `/` at its start or middle: relative to the file's folder
  std::size_t line = 0;               // 1-based, for --verbose
  std::string text;                   // as written, for --verbose
};

class IgnoreFile {
 public:
  // Blank lines and `#` comments are skipped; `\#`, `\!` and `\ ` escape.
  IgnoreFile(std::string_view text, std::string source);

  // The last pattern that matches `relative` (a '/'-separated path below the file's
  // folder), or nullptr. A negated pattern's answer is "not ignored".
  const IgnorePattern* last_match(std::string_view relative, bool is_directory) const;

  const std::string& source() const noexcept { return source_; }  // the file, as walked

 private:
  std::vector<IgnorePattern> patterns_;
  std::string source_;
};

}  // namespace appflow_lint::cli
