#include "appflow_lint/format/text_format.hpp"

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/format/source_excerpt.hpp"
#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::format {
namespace {

struct Palette {
  std::string_view bold, red, yellow, cyan, dim, reset;
};

constexpr Palette kColors{"\033[1m", "\033[1;31m", "\033[1;33m", "\033[1;36m", "\033[2m", "\033[0m"};
constexpr Palette kPlain{"", "", "", "", "", ""};

std::string_view severity_color(const Palette& palette, Severity severity) {
  switch (severity) {
    case Severity::Error: return palette.red;
    case Severity::Warning: return palette.yellow;
    case Severity::Info: return palette.cyan;
  }
  return palette.reset;
}

void render_diagnostic(fmt::memory_buffer& out, const FileReport& file, const Diagnostic& diagnostic,
                       const ExcerptMaker& excerpts, const Palette& palette, const TextOptions& options) {
  const Position start = diagnostic.range ? diagnostic.range->start : Position{1, 1};
  fmt::format_to(std::back_inserter(out), "{}{}:{}:{}:{} {}{}{}: {}", palette.bold, printable(file.path),
                 start.line, start.column, palette.reset, severity_color(palette, diagnostic.severity),
                 to_string(diagnostic.severity), palette.reset, printable(diagnostic.message));
  fmt::format_to(std::back_inserter(out), " {}[{}]{}\n", palette.dim, diagnostic.rule, palette.reset);
  if (options.show_source && diagnostic.range) {
    const Excerpt excerpt = excerpts.make(*diagnostic.range);
    fmt::format_to(std::back_inserter(out), "  {}\n  {}{}{}\n", excerpt.source,
                   severity_color(palette, diagnostic.severity), excerpt.carets, palette.reset);
  }
  for (const auto& suggestion : diagnostic.suggestions) {
    fmt::format_to(std::back_inserter(out), "  {}help:{} {}", palette.cyan, palette.reset,
                   printable(suggestion.message));
    if (suggestion.replacement) {
      fmt::format_to(std::back_inserter(out), ": {}", printable(suggestion.replacement->text));
    }
    out.push_back('\n');
  }
}

std::string plural(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const std::vector<FileReport>& files, const TextOptions& options) {
  const Palette& palette = options.color ? kColors : kPlain;
  fmt::memory_buffer out;
  for (const auto& file : files) {
    const source_map::LineIndex lines(file.text);
    for (const auto& document : file.documents) {
      if (document.result.diagnostics.empty()) continue;
      const ExcerptMaker excerpts(lines, document.result.redactions);
      for (const auto& diagnostic : document.result.diagnostics) {
        render_diagnostic(out, file, diagnostic, excerpts, palette, options);
      }
    }
  }
  const Summary summary = summarize(files);
  const std::size_t problems = summary.errors + summary.warnings + summary.infos;
  const std::string scope = fmt::format("{}, {}", plural(summary.files, "file"),
                                        plural(summary.documents, "document"));
  if (problems == 0) {
    fmt::format_to(std::back_inserter(out), "{}no problems{} in {}\n", palette.bold, palette.reset, scope);
  } else {
    fmt::format_to(std::back_inserter(out), "{}{} ({}, {}, {}){} in {}\n", palette.bold,
                   plural(problems, "problem"), plural(summary.errors, "error"),
                   plural(summary.warnings, "warning"), plural(summary.infos, "info"), palette.reset, scope);
  }
  return fmt::to_string(out);
}

}  // namespace appflow_lint::format
