// --fix, --unsafe-fixes and --diff: the suggestions' edits applied to the inputs
// before they are linted (lib's fix/apply_fixes does the applying).
//
//   --fix                 writes safe fixes into the files; standard input's fixed
//                         text goes to standard output (the report to standard error)
//   --fix --unsafe-fixes  the unsafe ones too
//   --diff                prints a unified diff of what --fix would change, writes nothing
//
// JSON Lines inputs are fixed line by line; every other byte of a file is kept.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "appflow_lint/fix/apply_fixes.hpp"
#include "pipeline.hpp"

namespace appflow_lint::cli {

struct FixOptions {
  fix::FixLevel level = fix::FixLevel::Safe;
  bool diff_only = false;  // --diff: print, do not write
};

struct FixOutcome {
  std::size_t fixed = 0;                   // edits applied (or, with --diff, that would be)
  std::size_t changed_inputs = 0;          // inputs whose text changed
  std::vector<std::string> problems;       // inputs that could not be read or written, in words
  std::vector<std::size_t> unreadable;     // the inputs (indices) that could not be read: not to lint
  std::optional<std::string> stdin_fixed;  // standard input's text after the fixes (with --fix)
};

// Reads every input once, applies the fixes, and writes the files back (or, with
// --diff, prints their diffs to standard output). Standard input's text is returned.
FixOutcome fix_inputs(const std::vector<PlannedInput>& inputs, const FixOptions& options);

// The unified diff of `before` and `after` (line by line, 3 lines of context), with
// `path` in its ---/+++ lines; empty when they are equal.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace appflow_lint::cli
