#include "fix_inputs.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <dtl/dtl.hpp>

#include "appflow_lint/linter_impl.hpp"
#include "lint_inputs.hpp"

namespace appflow_lint::cli {
namespace {

// Calls `visit(begin, end)` for each line of `text`, the line break excluded (a "\r"
// before it stays in the line).
template <typename Visit>
void for_each_line(const std::string& text, Visit&& visit) {
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    visit(start, end);
    start = end + 1;
  }
}

// The text of each line, for the diff (a "\r\n" keeps its "\r": the diff shows what is
// in the file).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for_each_line(text, [&](std::size_t begin, std::size_t end) { lines.push_back(text.substr(begin, end - begin)); });
  return lines;
}

// Fixes each line of a JSON Lines text on its own, as the linter reads them: the
// line without its "\n" and a "\r" before it. Blank lines stay as they are.
fix::FixedText fix_lines(const std::string& text, fix::FixLevel level,
                         const std::function<LintResult(std::string_view)>& lint) {
  fix::FixedText out;
  for_each_line(text, [&](std::size_t begin, std::size_t end) {
    const std::size_t content_end = end > begin && text[end - 1] == '\r' ? end - 1 : end;
    const std::string_view line(text.data() + begin, content_end - begin);
    if (is_blank(line)) {
      out.text.append(text, begin, end - begin);
    } else {
      fix::FixedText fixed = fix::apply_fixes(line, level, lint);
      out.applied += fixed.applied;
      out.syntax_error = out.syntax_error || fixed.syntax_error;
      out.text += fixed.text;
      out.text.append(text, content_end, end - content_end);
    }
    if (end < text.size()) out.text += '\n';
  });
  return out;
}

// Overwrites the file in place (its inode, owner and mode stay).
bool write_file(const std::string& path, const std::string& text, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("{}: cannot write the fixes: {}", path, std::strerror(errno));
    return false;
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = fmt::format("{}: writing the fixes failed: {}", path, std::strerror(errno));
      ::close(fd);
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return ::close(fd) == 0;
}

// The text with every byte the linter would mask (sensitive values, hidden keys)
// written as '*', line breaks kept: what a diff may show. JSON Lines line by line.
std::string masked(const std::string& text, bool json_lines, const Linter& linter) {
  std::string out = text;
  const auto mask = [&](std::size_t start, std::size_t end) {
    for (const auto& [begin, stop] : linter.impl().secret_spans(std::string_view(text).substr(start, end - start))) {
      for (std::size_t i = start + begin; i < start + stop && i < end; ++i) {
        if (out[i] != '\n' && out[i] != '\r') out[i] = '*';
      }
    }
  };
  if (json_lines) {
    for_each_line(text, mask);
  } else {
    mask(0, text.size());
  }
  return out;
}

}  // namespace

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return {};
  dtl::Diff<std::string> diff(lines_of(before), lines_of(after));
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream hunks;
  diff.printUnifiedFormat(hunks);
  return fmt::format("--- {}\n+++ {}\n{}", path, path, hunks.str());
}

FixOutcome fix_inputs(const std::vector<PlannedInput>& inputs, const FixOptions& options) {
  FixOutcome outcome;
  for (const PlannedInput& planned : inputs) {
    std::string text;
    std::string error;
    if (!read_input(planned.input, text, error)) {
      outcome.problems.push_back(std::move(error));
      outcome.unreadable.push_back(&planned - inputs.data());
      continue;
    }
    const auto lint = [&](std::string_view document) {
      LintResult result = planned.linter->lint_text(document);
      apply_rule_severities(result, planned.severities);
      return result;
    };
    const fix::FixedText fixed = planned.input.kind == InputKind::JsonLines
                                     ? fix_lines(text, options.level, lint)
                                     : fix::apply_fixes(text, options.level, lint);
    const bool changed = fixed.text != text;
    outcome.fixed += fixed.applied;
    if (changed) ++outcome.changed_inputs;
    if (options.diff_only) {
      // Fixes never write a sensitive value, so masking both sides keeps the diff true.
      const bool lines = planned.input.kind == InputKind::JsonLines;
      const std::string diff = changed ? unified_diff(planned.input.path, masked(text, lines, *planned.linter),
                                                      masked(fixed.text, lines, *planned.linter))
                                       : std::string();
      std::fwrite(diff.data(), 1, diff.size(), stdout);
    } else if (planned.input.is_stdin) {
      outcome.stdin_fixed = fixed.text;
    } else if (changed && !write_file(planned.input.path, fixed.text, error)) {
      outcome.problems.push_back(std::move(error));
    }
  }
  return outcome;
}

}  // namespace appflow_lint::cli
