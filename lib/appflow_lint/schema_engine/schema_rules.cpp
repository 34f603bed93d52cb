// One RuleInfo per schema keyword, indexed by Keyword.
#include <array>

#include "appflow_lint/schema_engine/keyword.hpp"

namespace appflow_lint::schema_engine {
namespace {

constexpr std::array<RuleInfo, static_cast<std::size_t>(Keyword::Count)> kSchemaRules{{
    {.id = "schema.required",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A required member is missing",
     .docs = R"md(The service model lists members every request must carry. The diagnostic
points at the object that lacks one and names it.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json({"connectorProfileName": "p", "connectionMode": "Public"})json",
     .passing_example =
         R"json({"connectorProfileName": "p", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties": {"Singular": {}}}})json"},
    {.id = "schema.unknown-property",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::Sometimes,
     .since = "1.0.0",
     .summary = "A member the shape does not have (case mismatches included)",
     .docs = R"md(AppFlow rejects members its model does not define; names are case-sensitive, so
`salesforce` is not `Salesforce`. The range covers the key. The suggestion offers
the member with the same name in another case, or the nearest name, and says when
the member belongs to the other operation (`kmsArn`, `connectorType` and
`connectorLabel` exist only in CreateConnectorProfile). When the nearest name is
already a member of the same object (`instanceÜrl` beside `instanceUrl`), renaming
would repeat it: the message says so, and the advice is to remove the stray member.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("connectorProfileProperties": {"salesforce": {...}})json",
     .passing_example = R"json("connectorProfileProperties": {"Salesforce": {...}})json"},
    {.id = "schema.type",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::Sometimes,
     .since = "1.0.0",
     .summary = "A value has the wrong JSON type (null included)",
     .docs = R"md(Each member has one JSON type in the service model: string, boolean, integer,
object or array. `null` is never accepted: AWS SDKs reject it; leave the member out
instead. A string holding `"true"` or a number in quotes is a type error too, and so
is a number written with a decimal point or an exponent (`443.0`, `1e3`) for an
integer member: JSON Schema would count it as an integer, but the AWS CLI
(`--cli-input-json`) and boto3 read it as a float and reject it before sending. The
suggestion writes it as an integer. An integer too large for 64 bits is reported by
`schema.maximum` / `schema.minimum`, never as a rounded or wrapped value.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("isSandboxEnvironment": "false")json",
     .passing_example = R"json("isSandboxEnvironment": false)json"},
    {.id = "schema.min-length",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A string is shorter than the model allows",
     .docs = R"md(Lengths count Unicode code points, as the service does, not bytes.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("clientToken": "")json",
     .passing_example = R"json("clientToken": "a")json"},
    {.id = "schema.max-length",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A string is longer than the model allows",
     .docs = R"md(Lengths count Unicode code points, as the service does, not bytes: 256
characters `é` fit a limit of 256 even though they take 512 bytes.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("clientToken": "aaaa…a" (257 characters; the maximum is 256))json",
     .passing_example = R"json("clientToken": "aaaa…a" (256 characters))json"},
    {.id = "schema.pattern",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::Sometimes,
     .since = "1.0.0",
     .summary = "A string does not match the model's pattern as a whole",
     .docs = R"md(The service matches the model's regular expression against the whole string,
not a part of it, so `\S+` rejects `"a b"`. The message names the first character
that breaks a single-class pattern and, where replacing the offending characters
with `_` gives a valid value, suggests it.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("connectorProfileName": "my profile")json",
     .passing_example = R"json("connectorProfileName": "my_profile")json"},
    {.id = "schema.enum",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::Sometimes,
     .since = "1.0.0",
     .summary = "A value is not one of the allowed values",
     .docs = R"md(Enumerations are case-sensitive. A value that differs only in case gets a
suggestion with the right spelling.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("connectionMode": "public")json",
     .passing_example = R"json("connectionMode": "Public")json"},
    {.id = "schema.minimum",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A number is below the model's minimum",
     .docs = R"md(A number is below the model's minimum.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("portNumber": 0)json",
     .passing_example = R"json("portNumber": 443)json"},
    {.id = "schema.maximum",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A number is above the model's maximum",
     .docs = R"md(A number is above the model's maximum.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("portNumber": 65536)json",
     .passing_example = R"json("portNumber": 65535)json"},
    {.id = "schema.min-properties",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A map has fewer entries than the model allows",
     .docs = R"md(Maps such as `profileProperties` carry a size range in the model. The
diagnostic points at the map.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example =
         R"json(a map with fewer entries than its minProperties (no map in the 2020-08-23 model has a minimum above 0))json",
     .passing_example = R"json("profileProperties": {})json"},
    {.id = "schema.max-properties",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A map has more entries than the model allows",
     .docs = R"md(`profileProperties`, `tokenUrlCustomProperties` and `credentialsMap` hold at most
50 entries. The diagnostic points at the map.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("profileProperties": {"k1": "v", "k2": "v", …, "k51": "v"})json",
     .passing_example = R"json("profileProperties": {"k1": "v", …, "k50": "v"})json"},
    {.id = "schema.property-name",
     .severity = Severity::Error,
     .category = RuleCategory::Correctness,
     .fix = FixAvailability::None,
     .since = "1.0.0",
     .summary = "A map key breaks the key's length or pattern",
     .docs = R"md(Map keys have their own constraints in the model (for example `profileProperties`
keys match `[\w]+` and are at most 128 characters). The range covers the key.)md",
     .applies_to = "all requests",
     .source = "the AWS service model (appflow 2020-08-23)",
     .failing_example = R"json("profileProperties": {"bad key": "v"})json",
     .passing_example = R"json("profileProperties": {"good_key": "v"})json"},
}};

}  // namespace

const RuleInfo& rule_for(Keyword keyword) noexcept { return kSchemaRules[static_cast<std::size_t>(keyword)]; }

}  // namespace appflow_lint::schema_engine
