// One RuleInfo per schema keyword, indexed by Keyword.
#include <array>

#include "appflow_lint/schema_engine/keyword.hpp"

namespace appflow_lint::schema_engine {
namespace {

constexpr std::array<RuleInfo, static_cast<std::size_t>(Keyword::Count_)> kSchemaRules{{
    {"schema.required", Severity::Error, "A required member is missing",
     R"md(The service model lists members every request must carry. The diagnostic
points at the object that lacks one and names it.

Failing: `{"connectorProfileName": "p", "connectionMode": "Public"}` (no `connectorProfileConfig`)

Passing: the same with `"connectorProfileConfig": {"connectorProfileProperties": {...}}`)md"},
    {"schema.unknown-property", Severity::Error,
     "A member the shape does not have (case mismatches included)",
     R"md(AppFlow rejects members its model does not define; names are case-sensitive, so
`salesforce` is not `Salesforce`. The range covers the key. The suggestion offers
the member with the same name in another case, or the nearest name, and says when
the member belongs to the other operation (`kmsArn`, `connectorType` and
`connectorLabel` exist only in CreateConnectorProfile).

Failing: `"connectorProfileProperties": {"salesforce": {...}}`

Passing: `"connectorProfileProperties": {"Salesforce": {...}}`)md"},
    {"schema.type", Severity::Error, "A value has the wrong JSON type (null included)",
     R"md(Each member has one JSON type in the service model: string, boolean, integer,
object or array. `null` is never accepted: AWS SDKs reject it; leave the member out
instead. A string holding `"true"` or a number in quotes is a type error too.

Failing: `"isSandboxEnvironment": "false"`

Passing: `"isSandboxEnvironment": false`)md"},
    {"schema.min-length", Severity::Error, "A string is shorter than the model allows",
     R"md(Lengths count Unicode code points, as the service does, not bytes.

Failing: `"clientToken": ""` (minimum 1)

Passing: `"clientToken": "a"`)md"},
    {"schema.max-length", Severity::Error, "A string is longer than the model allows",
     R"md(Lengths count Unicode code points, as the service does, not bytes: 256
characters `é` fit a limit of 256 even though they take 512 bytes.

Failing: a `connectorProfileName` of 257 characters

Passing: one of 256 characters)md"},
    {"schema.pattern", Severity::Error, "A string does not match the model's pattern as a whole",
     R"md(The service matches the model's regular expression against the whole string,
not a part of it, so `\S+` rejects `"a b"`. The message names the first character
that breaks a single-class pattern and, where replacing the offending characters
with `_` gives a valid value, suggests it.

Failing: `"connectorProfileName": "my profile"`

Passing: `"connectorProfileName": "my_profile"`)md"},
    {"schema.enum", Severity::Error, "A value is not one of the allowed values",
     R"md(Enumerations are case-sensitive. A value that differs only in case gets a
suggestion with the right spelling.

Failing: `"connectionMode": "public"`

Passing: `"connectionMode": "Public"`)md"},
    {"schema.minimum", Severity::Error, "A number is below the model's minimum",
     R"md(Failing: `"portNumber": 0` (minimum 1)

Passing: `"portNumber": 443`)md"},
    {"schema.maximum", Severity::Error, "A number is above the model's maximum",
     R"md(Failing: `"portNumber": 65536` (maximum 65535)

Passing: `"portNumber": 65535`)md"},
    {"schema.min-properties", Severity::Error, "A map has fewer entries than the model allows",
     R"md(Maps such as `profileProperties` carry a size range in the model. The
diagnostic points at the map.

Failing: a map below its minimum size

Passing: a map within its size range)md"},
    {"schema.max-properties", Severity::Error, "A map has more entries than the model allows",
     R"md(`profileProperties`, `tokenUrlCustomProperties` and `credentialsMap` hold at most
50 entries. The diagnostic points at the map.

Failing: `"profileProperties"` with 51 entries

Passing: 50 entries)md"},
    {"schema.property-name", Severity::Error, "A map key breaks the key's length or pattern",
     R"md(Map keys have their own constraints in the model (for example `profileProperties`
keys match `[\w]+` and are at most 128 characters). The range covers the key.

Failing: `"profileProperties": {"bad key": "v"}`

Passing: `"profileProperties": {"good_key": "v"}`)md"},
}};

}  // namespace

const RuleInfo& rule_for(Keyword keyword) noexcept {
  return kSchemaRules[static_cast<std::size_t>(keyword)];
}

}  // namespace appflow_lint::schema_engine
