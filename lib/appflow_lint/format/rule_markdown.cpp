#include "appflow_lint/format/rule_markdown.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint::format {
namespace {

std::string_view trim_newlines(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) text.remove_prefix(1);
  return text;
}

// A fence longer than any run of backticks inside the text.
std::string fence_for(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

std::string code_block(std::string_view text) {
  text = trim_newlines(text);
  const std::string fence = fence_for(text);
  return fmt::format("{}json\n{}\n{}\n", fence, text, fence);
}

// The rule's docs sit under "## Why": headings inside them move one level down.
std::string nested_markdown(std::string_view text) {
  text = trim_newlines(text);
  std::string out;
  bool in_fence = false;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    const std::string_view stripped = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (stripped.starts_with("```") || stripped.starts_with("~~~")) in_fence = !in_fence;
    if (!in_fence && line.starts_with('#')) out += '#';
    out += line;
    out += '\n';
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

std::string or_missing(const std::string& text) { return text.empty() ? "*Not written yet.*" : text; }

}  // namespace

std::string markdown_plain(std::string_view text) {
  std::string out;
  bool in_code = false;
  for (char c : trim_newlines(text)) {
    if (c == '`') in_code = !in_code;
    if (c == '<' && !in_code)
      out += "&lt;";
    else
      out += c;
  }
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : markdown_plain(text)) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string rule_help_markdown(const RuleInfo& rule) {
  std::string out = fmt::format("# {}\n\n", rule.id);
  fmt::format_to(std::back_inserter(out), "{}\n\n", or_missing(markdown_plain(rule.summary)));
  fmt::format_to(std::back_inserter(out),
                 "**Default severity:** `{}` · **Category:** `{}` · **Fix:** `{}` · **Since:** {} · "
                 "**Applies to:** {}\n\n",
                 to_string(rule.severity), to_string(rule.category), to_string(rule.fix),
                 or_missing(markdown_plain(rule.since)), or_missing(markdown_cell(rule.applies_to)));
  out += "## Why\n\n";
  out += trim_newlines(rule.docs).empty() ? std::string("*Not written yet.*\n") : nested_markdown(rule.docs);
  out += "\n## Failing example\n\n";
  out += trim_newlines(rule.failing_example).empty() ? std::string("*Not written yet.*\n")
                                                     : code_block(rule.failing_example);
  out += "\n## Passing example\n\n";
  out += trim_newlines(rule.passing_example).empty() ? std::string("*Not written yet.*\n")
                                                     : code_block(rule.passing_example);
  fmt::format_to(std::back_inserter(out), "\n## Source\n\n{}\n", or_missing(markdown_plain(rule.source)));
  return out;
}

std::string rule_page_markdown(const RuleInfo& rule) {
  std::string out = rule_help_markdown(rule);
  fmt::format_to(std::back_inserter(out),
                 "\n## Configuration\n\n"
                 "Change the severity with `--rule {0}=off|info|warning|error` on the command line "
                 "(repeatable; it wins over configuration files), for example to turn the rule off:\n\n"
                 "```sh\nappflow-lint --rule {0}=off PATH...\n```\n\n"
                 "or in `.appflow-lint.json`, found in the current folder or one of its parents:\n\n"
                 "```json\n{{\"rules\": {{\"{0}\": \"warning\"}}}}\n```\n\n"
                 "`overrides` set it for some files only; see "
                 "[Configuration](../cli.md#configuration). A program using the library sets "
                 "`LinterOptions::rule_severities[\"{0}\"]` (`std::nullopt` turns it off); see "
                 "[the library](../library.md).\n\n"
                 "[All rules](../rules.md)\n\n{1}\n",
                 rule.id, kGeneratedRuleDocNote);
  return out;
}

}  // namespace appflow_lint::format
