// arn.secrets-manager-secret: clientCredentialsArn must be a Secrets Manager secret's ARN.
#include <memory>

#include <re2/re2.h>

#include "appflow_lint/rules/arn/arn_check.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kSecretsManagerSecret{
    .id = "arn.secrets-manager-secret",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A clientCredentialsArn that no Secrets Manager secret can have",
    .docs = R"md(`clientCredentialsArn` names the Secrets Manager secret that holds the connected
app's client ID and secret. The model's pattern (`arn:aws:secretsmanager:.*:[0-9]+:.*`)
lets through ARNs no secret has. A secret's ARN is
`arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>`: a region such as
`us-east-1`, a 12-digit account, and `secret:` followed by the name and the hyphen
and 6 random characters Secrets Manager appends. A name is 1 to 512 letters, digits
and `/_+=.@-`. Secrets that AWS services create and manage for you (AppFlow's own
connections among them) carry the service's prefix and `!` before the name
(`secret:appflow!123456789012-sf-temp-1763741024664-KGA0wB`, `secret:rds!db-...`):
those are valid too, as `describe-connector-profiles` shows them. An ARN without
the 6-character suffix (a partial ARN) is accepted as Secrets Manager accepts it.
The model marks the member sensitive, so the message says which part is wrong
without quoting any of it.)md",
    .applies_to = "Salesforce, Pardot (connectorProfileCredentials clientCredentialsArn)",
    .source =
        "Secrets Manager User Guide: secret ARN format, secret name characters and length (512), the "
        "6-character suffix, and secrets managed by other services (the <service>! name prefix); the service "
        "model's "
        "documentation of SalesforceConnectorProfileCredentials and PardotConnectorProfileCredentials "
        "clientCredentialsArn",
    .failing_example =
        R"json("clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:appflow/salesforce")json",
    .passing_example =
        R"json("clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow/salesforce-AbCdEf")json",
};

// The length bound is tested apart: RE2 unrolls a counted repetition, and {1,512}
// cost more to compile than a thousand requests to check.
constexpr std::string_view kSecretPrefix = "secret:";
constexpr std::size_t kLongestName = 512;
constexpr std::size_t kSuffixLength = 7;  // "-" and the 6 random characters Secrets Manager appends
// A managed secret's name starts with its service's id and '!' ("appflow!", "rds!",
// "events!"): lower-case letters, digits and hyphens, as service ids are.
const re2::RE2& secret_resource() {
  static const re2::RE2 re(R"(secret:(?:[a-z][a-z0-9-]*!)?[A-Za-z0-9/_+=.@-]+)");
  return re;
}

std::string secret_fault(std::string_view resource, bool /*quote*/) {
  if (arn::resource_type(resource) != "secret" || !resource.starts_with(kSecretPrefix)) {
    return "the resource is not secret:<name>";
  }
  if (resource.size() > kSecretPrefix.size() + kLongestName + kSuffixLength ||
      !re2::RE2::FullMatch(resource, secret_resource())) {
    return "the secret name is not valid (1-512 of letters, digits and /_+=.@-, after an optional "
           "<service>! prefix of a managed secret)";
  }
  return {};
}

constexpr arn::ArnShape kSecretShape{
    .what = "a Secrets Manager secret ARN",
    .service = "secretsmanager",
    .has_region = true,
    .expected = "arn:aws:secretsmanager:<region>:<12-digit account>:secret:<name>",
    .resource_fault = secret_fault,
};

}  // namespace

std::unique_ptr<RuleModule> make_arn_secrets_manager_secret() {
  return arn::make_arn_module(kSecretsManagerSecret, kSecretShape,
                              {"/connectorProfileConfig/connectorProfileCredentials/*/clientCredentialsArn"});
}

}  // namespace appflow_lint::rules
