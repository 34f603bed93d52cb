// Fixture cases with inline expectations (tests/rules/<rule-id>/<name>.case).
//
//   //! operation: CreateConnectorProfile        options for the whole case
//   //! jsonl                                    the document is JSON Lines: each line is
//                                                linted alone, then cross-document checks run
//   {"connectorProfileName": "my profile"}
//   //~                      ^^^^^^^^^^^^ error schema.pattern /connectorProfileName "must match"
//
// Carets mark a range on the nearest document line above (code-point columns).
// `//~ @2:27-2:39 error rule ...` gives the range explicitly (for ranges starting in
// columns 1-3 or spanning lines). After the severity and rule id come an optional
// pointer (`/a/b`, or `""` for the document root) and an optional "message substring".
// Annotation lines are removed before linting; the rest is the document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint::testing {

struct ExpectedDiagnostic {
  std::string rule;
  Severity severity = Severity::Error;
  Range range;
  std::optional<std::string> pointer;
  std::optional<std::string> message_part;
  int annotation_line = 0;  // in the case file, for failure messages
};

struct CaseFile {
  std::string document;  // the text with annotation and option lines removed
  Operation operation = Operation::UpdateConnectorProfile;
  bool jsonl = false;
  std::vector<ExpectedDiagnostic> expected;
};

// Throws std::runtime_error with the line number when an annotation is malformed.
CaseFile parse_case_file(const std::string& content);

}  // namespace appflow_lint::testing
