#include "appflow_lint/rules/json_rules.hpp"

namespace appflow_lint::rules {

const RuleInfo kJsonSyntax{
    .id = "json.syntax",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::Sometimes,
    .since = "1.0.0",
    .summary = "The text is not JSON",
    .docs = R"md(The request body must be one JSON value (RFC 8259). Comments, trailing commas,
single quotes, `NaN`, unquoted keys, truncated text and invalid UTF-8 are all
rejected before anything else is looked at. Nothing after the first fault is
checked, and the quoted source line has every string value masked, since without
a parse nothing tells which of them are secrets.

The usual slips are named in plain words, where the fix goes:

| fault | message | position |
| --- | --- | --- |
| `{"a": 1,}` | trailing comma before '}' (or ']') | the comma; the suggested fix deletes it |
| `{"a": 1 "b": 2}`, `[1 2]` | missing ',' between members (or elements) | the start of the member or element that needs a comma before it |
| `{"a" 1}` | missing ':' after member name | what follows the name |
| `'Public'`, `{'a': 1}` | JSON strings and member names take double quotes, not single quotes | the first quote |
| `// ...`, `/* ... */` | comments are not allowed in JSON | the comment's first `/` |
| `NaN`, `Infinity`, `-Infinity` | NaN and Infinity are not JSON numbers | the word (its sign) |
| `True`, `False`, `None`, `NULL`, `undefined` | JSON writes true, false and null in lower case | the word |
| `{connectionMode: "Public"}` | member names must be double-quoted strings | the name |

Any other fault is described as the parser saw it (an unterminated string, an
invalid escape, a number with a leading zero, text after the document), at the
first byte it could not accept.)md",
    .applies_to = "all requests",
    .source = "RFC 8259; the service's JSON protocol (rest-json)",
    .failing_example = R"json({"connectionMode": "Public",})json",
    .passing_example = R"json({"connectionMode": "Public"})json",
};

const RuleInfo kJsonDuplicateKey{
    .id = "json.duplicate-key",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A member name appears twice in one object",
    .docs = R"md(JSON parsers keep only one of two members with the same name (AWS SDKs and
this linter keep the last), so the first value is silently lost. The range covers
the later key.)md",
    .applies_to = "all requests",
    .source = "RFC 8259 section 4 (names within an object SHOULD be unique)",
    .failing_example = R"json({"connectionMode": "Private", "connectionMode": "Public"})json",
    .passing_example = R"json({"connectionMode": "Public"})json",
};

const RuleInfo kJsonTooDeep{
    .id = "json.too-deep",
    .severity = Severity::Error,
    .category = RuleCategory::Limit,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "The document nests deeper than any request can",
    .docs = R"md(No AppFlow request nests more than about ten levels; the linter stops at 256
levels so that hostile input cannot exhaust the stack. It is reported once, where
the limit is first crossed. Nothing past the limit is checked, but everything above
it still is: an unknown member that holds the deep part, missing required members,
and the types and constraints of known members.)md",
    .applies_to = "all requests",
    .source = "the service model's deepest shape; a limit of this linter",
    .failing_example = "300 nested arrays: [[[[...]]]]",
    .passing_example = R"json({"connectorProfileConfig": {"connectorProfileProperties": {}}})json",
};

const RuleInfo kJsonTooLarge{
    .id = "json.too-large",
    .severity = Severity::Error,
    .category = RuleCategory::Limit,
    .fix = FixAvailability::None,
    .since = "1.2.0",
    .summary = "The document is larger than any request can be",
    .docs = R"md(A request is a few kilobytes. The linter parses a document of at most 64 MiB,
with at most 10,000 members in one object or elements in one array, so that a
generated or hostile document (ten million members) cannot exhaust the machine.
Past either limit the document is not checked; the diagnostic is at its start and
says which limit it crossed.)md",
    .applies_to = "all requests",
    .source = "a limit of this linter",
    .failing_example = "an array of 10,001 elements",
    .passing_example = R"json({"connectorProfileName": "acme", "connectionMode": "Public"})json",
};

const RuleInfo kTooManyDiagnostics{
    .id = "lint.too-many-diagnostics",
    .severity = Severity::Info,
    .category = RuleCategory::Limit,
    .fix = FixAvailability::None,
    .since = "1.2.0",
    .summary = "More diagnostics than one document reports; the rest are counted, not listed",
    .docs = R"md(A document reports at most 1,000 diagnostics, in position order. Past that, one
more diagnostic, at the first one left out, counts what was left out by severity,
and takes the highest severity among them, so the exit status still says whether
there were errors. No real request comes near the limit; it keeps a generated or
hostile document (thousands of unknown members on one line) from flooding a
terminal, a CI log or an editor. Fix the first problems and lint again.)md",
    .applies_to = "all requests",
    .source = "a limit of this linter (as compilers stop after a number of errors)",
    .failing_example = "a request with 1,001 unknown members",
    .passing_example = R"json({"connectorProfileName": "acme", "connectionMode": "Public"})json",
};

}  // namespace appflow_lint::rules
