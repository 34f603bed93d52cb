#include "case_file.hpp"

#include <sstream>
#include <stdexcept>

namespace appflow_lint::testing {
namespace {

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::runtime_error("case line " + std::to_string(line) + ": " + what);
}

Severity parse_severity(const std::string& word, int line) {
  if (word == "error") return Severity::Error;
  if (word == "warning") return Severity::Warning;
  if (word == "info") return Severity::Info;
  fail(line, "unknown severity '" + word + "'");
}

Position parse_position(const std::string& text, int line) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) fail(line, "position must be LINE:COLUMN, got '" + text + "'");
  return Position{static_cast<std::uint32_t>(std::stoul(text.substr(0, colon))),
                  static_cast<std::uint32_t>(std::stoul(text.substr(colon + 1)))};
}

// The rest of an annotation after its range: severity rule [pointer] ["message part"].
void parse_tail(std::istringstream& words, ExpectedDiagnostic& expected, int line) {
  std::string severity;
  if (!(words >> severity >> expected.rule)) fail(line, "expected '<severity> <rule>'");
  expected.severity = parse_severity(severity, line);
  words >> std::ws;
  if (words.peek() == '/') {
    std::string pointer;
    words >> pointer;
    expected.pointer = pointer;
  } else if (words.peek() == '"') {
    std::string quoted;
    std::getline(words, quoted);
    if (quoted.rfind("\"\"", 0) == 0) {
      expected.pointer = "";
      quoted = quoted.substr(2);
      const auto start = quoted.find('"');
      if (start != std::string::npos)
        quoted = quoted.substr(start);
      else
        quoted.clear();
    }
    if (!quoted.empty()) {
      if (quoted.size() < 2 || quoted.back() != '"') fail(line, "unterminated message substring");
      expected.message_part = quoted.substr(1, quoted.size() - 2);
    }
    return;
  }
  words >> std::ws;
  if (words.peek() == '"') {
    std::string quoted;
    std::getline(words, quoted);
    if (quoted.size() < 2 || quoted.back() != '"') fail(line, "unterminated message substring");
    expected.message_part = quoted.substr(1, quoted.size() - 2);
  }
}

}  // namespace

CaseFile parse_case_file(const std::string& content) {
  CaseFile parsed;
  std::istringstream lines(content);
  std::string line;
  int case_line = 0;
  std::uint32_t document_line = 0;  // lines kept so far
  while (std::getline(lines, line)) {
    ++case_line;
    if (line.rfind("//!", 0) == 0) {
      std::istringstream words(line.substr(3));
      std::string key, value;
      words >> key >> value;
      if (key == "jsonl") {
        parsed.jsonl = true;
      } else if (key == "operation:") {
        if (!parse_operation(value, parsed.operation)) fail(case_line, "unknown operation " + value);
      } else {
        fail(case_line, "unknown option '" + key + "'");
      }
      continue;
    }
    if (line.rfind("//~", 0) != 0) {
      parsed.document += line;
      parsed.document += '\n';
      ++document_line;
      continue;
    }
    ExpectedDiagnostic expected;
    expected.annotation_line = case_line;
    const std::string body = line.substr(3);
    std::istringstream words(body);
    words >> std::ws;
    if (words.peek() == '@') {
      std::string range_text;
      words >> range_text;
      const auto dash = range_text.find('-');
      if (dash == std::string::npos) fail(case_line, "range must be @L:C-L:C");
      expected.range = {parse_position(range_text.substr(1, dash - 1), case_line),
                        parse_position(range_text.substr(dash + 1), case_line)};
    } else {
      const auto first = line.find('^');
      const auto last = line.find_first_not_of('^', first);
      if (first == std::string::npos || document_line == 0) fail(case_line, "expected carets or @range");
      const auto column = static_cast<std::uint32_t>(first + 1);
      const auto width = static_cast<std::uint32_t>((last == std::string::npos ? line.size() : last) - first);
      expected.range = {{document_line, column}, {document_line, column + width}};
      words.str(line.substr(last == std::string::npos ? line.size() : last));
      words.clear();
    }
    parse_tail(words, expected, case_line);
    parsed.expected.push_back(std::move(expected));
  }
  return parsed;
}

}  // namespace appflow_lint::testing
