#include "appflow_lint/rules/json_rules.hpp"

namespace appflow_lint::rules {

const RuleInfo kJsonSyntax{
    "json.syntax", Severity::Error, "The text is not JSON",
    R"md(The request body must be one JSON value (RFC 8259). Comments, trailing commas,
single quotes, `NaN`, unquoted keys, truncated text and invalid UTF-8 are all
rejected by the service before anything else is looked at. The diagnostic points
at the first byte the parser could not accept; nothing after it is checked.

Failing: `{"connectionMode": "Public",}` (trailing comma)

Passing: `{"connectionMode": "Public"}`)md"};

const RuleInfo kJsonDuplicateKey{
    "json.duplicate-key", Severity::Warning, "A member name appears twice in one object",
    R"md(JSON parsers keep only one of two members with the same name (AWS SDKs and
this linter keep the last), so the first value is silently lost. The range covers
the later key.

Failing: `{"connectionMode": "Private", "connectionMode": "Public"}`

Passing: `{"connectionMode": "Public"}`)md"};

const RuleInfo kJsonTooDeep{
    "json.too-deep", Severity::Error, "The document nests deeper than any request can",
    R"md(No AppFlow request nests more than about ten levels; the linter stops at 256
levels so that hostile input cannot exhaust the stack. Nothing past the limit is
checked.

Failing: 300 nested arrays `[[[...]]]`

Passing: any real request)md"};

}  // namespace appflow_lint::rules
