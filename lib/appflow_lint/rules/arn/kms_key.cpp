// arn.kms-key (CreateConnectorProfile): kmsArn must be a KMS key's or alias's ARN.
#include <memory>

#include <re2/re2.h>

#include <fmt/format.h>

#include "appflow_lint/rules/arn/arn_check.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kKmsKey{
    .id = "arn.kms-key",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A kmsArn that no KMS key or alias can have",
    .docs = R"md(`kmsArn` (CreateConnectorProfile) names the KMS key AppFlow encrypts the
profile's credentials with. The model's pattern (`arn:aws:kms:.*:[0-9]+:.*`) lets
through ARNs no key has. A KMS ARN is `arn:aws:kms:<region>:<account>:key/<key-id>`,
where the key ID is a UUID (`1234abcd-12ab-34cd-56ef-1234567890ab`) or a multi-Region
key ID (`mrk-` and 32 hex digits), or `arn:aws:kms:<region>:<account>:alias/<name>`
for an alias. The region and 12-digit account are required. The message says which
part is wrong. Omit `kmsArn` to use the AppFlow-managed key.)md",
    .applies_to = "all connectors (CreateConnectorProfile kmsArn)",
    .source =
        "AWS KMS Developer Guide, key identifiers (key ARN, key ID, multi-Region key ID, alias ARN); the "
        "service model's documentation of CreateConnectorProfileRequest.kmsArn",
    .failing_example = R"json("kmsArn": "arn:aws:kms:us-east-1:123456789012:1234abcd-12ab-34cd-56ef-1234567890ab")json",
    .passing_example =
        R"json("kmsArn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")json",
};

const re2::RE2& key_resource() {
  static const re2::RE2 re(
      R"(key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32}))");
  return re;
}

// The length bound is tested apart (RE2 unrolls counted repetitions).
constexpr std::string_view kAliasPrefix = "alias/";
constexpr std::size_t kLongestAlias = 250;
const re2::RE2& alias_resource() {
  static const re2::RE2 re(R"(alias/[A-Za-z0-9/_-]+)");
  return re;
}

std::string kms_fault(std::string_view resource, bool quote) {
  const std::string_view type = arn::resource_type(resource);
  const bool matches_type = resource.size() <= 600 && (resource.starts_with("key/") || resource.starts_with("alias/"));
  if (!matches_type) {
    if (type.empty() || type == resource || !quote) return "the resource is not key/<key-id> or alias/<name>";
    return fmt::format("the resource type is '{}', not key or alias", type);
  }
  if (resource.starts_with("key/") && !re2::RE2::FullMatch(resource, key_resource())) {
    return "the key ID is not a key UUID (1234abcd-12ab-34cd-56ef-1234567890ab) or a multi-Region key ID (mrk-...)";
  }
  if (resource.starts_with(kAliasPrefix) &&
      (resource.size() > kAliasPrefix.size() + kLongestAlias || !re2::RE2::FullMatch(resource, alias_resource()))) {
    return "the alias name is not valid (letters, digits and /_-)";
  }
  return {};
}

constexpr arn::ArnShape kKmsShape{
    .what = "a KMS key ARN",
    .service = "kms",
    .has_region = true,
    .expected = "arn:aws:kms:<region>:<12-digit account>:key/<key-id> or ...:alias/<name>",
    .resource_fault = kms_fault,
};

}  // namespace

std::unique_ptr<RuleModule> make_arn_kms_key() { return arn::make_arn_module(kKmsKey, kKmsShape, {"/kmsArn"}); }

}  // namespace appflow_lint::rules
