// s3.bucket-name: Redshift and Snowflake bucketName must be a valid S3 bucket name.
#include <algorithm>
#include <array>
#include <memory>

#include <re2/re2.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kBucketName{
    .id = "s3.bucket-name",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "A bucketName that breaks S3's bucket naming rules",
    .docs = R"md(Redshift and Snowflake profiles name the S3 bucket AppFlow stages data in. The
model only asks for 3-63 characters without whitespace; S3 has stricter rules, and
a name that breaks them cannot be a bucket, so AppFlow fails when it checks access.
A general purpose bucket name uses only lowercase letters, digits, dots and
hyphens; starts and ends with a letter or digit; has no two adjacent dots; is not
formatted as an IP address (`192.168.5.4`); does not start with `xn--`, `sthree-` or
`amzn-s3-demo-`; and does not end with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or
`--table-s3` (reserved for access point aliases, Object Lambda, Multi-Region Access
Points, directory and table buckets). The message names each broken rule.
Lengths outside 3-63 and whitespace are `schema.*`'s to report.

Buckets created in us-east-1 before March 2018 could have capitals and
underscores; such a legacy name is reported too.)md",
    .applies_to = "Redshift, Snowflake (bucketName)",
    .source =
        "Amazon S3 User Guide, General purpose bucket naming rules; the service model's BucketName shape "
        "(min 3, max 63, pattern \\S+)",
    .failing_example = R"json("bucketName": "Acme_AppFlow_Staging")json",
    .passing_example = R"json("bucketName": "acme-appflow-staging")json",
};

constexpr std::array<std::string_view, 3> kReservedPrefixes{"xn--", "sthree-", "amzn-s3-demo-"};
constexpr std::array<std::string_view, 5> kReservedSuffixes{"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"};

const re2::RE2& ip_address() {
  static const re2::RE2 re(R"(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})");
  return re;
}

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::vector<std::string> broken_rules(std::string_view name) {
  std::vector<std::string> broken;
  std::string others;
  bool upper = false;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (!lower_alnum(c) && c != '.' && c != '-' && others.find(c) == std::string::npos) {
      others += c;
    }
  }
  if (upper) broken.emplace_back("it has uppercase letters (only lowercase are allowed)");
  if (!others.empty()) {
    const bool printable = std::all_of(others.begin(), others.end(), [](char c) { return c > 0x20 && c < 0x7F; });
    broken.push_back(printable
                         ? fmt::format("it has '{}' (only lowercase letters, digits, dots and hyphens are allowed)",
                                       fmt::join(others, "', '"))
                         : std::string("it has characters other than lowercase letters, digits, dots and hyphens"));
  }
  const auto edge_ok = [](char c) { return lower_alnum(c) || (c >= 'A' && c <= 'Z'); };
  if (!edge_ok(name.front()) || !edge_ok(name.back())) {
    broken.emplace_back("it must start and end with a letter or digit");
  }
  if (name.find("..") != std::string_view::npos) broken.emplace_back("it has two adjacent dots");
  if (name.size() <= 15 && re2::RE2::FullMatch(name, ip_address())) {
    broken.emplace_back("it is formatted as an IP address");
  }
  for (auto prefix : kReservedPrefixes) {
    if (name.starts_with(prefix)) broken.push_back(fmt::format("the prefix {} is reserved", prefix));
  }
  for (auto suffix : kReservedSuffixes) {
    if (name.ends_with(suffix)) broken.push_back(fmt::format("the suffix {} is reserved", suffix));
  }
  return broken;
}

class BucketName final : public BasicRuleModule {
 public:
  BucketName() : BasicRuleModule({&kBucketName}) {}

  std::vector<std::string> node_paths() const override {
    return {"connectorProfileConfig/connectorProfileProperties/*/bucketName"};
  }

  void visit(const RuleContext&, const NodeVisit& visit, Reporter& out) const override {
    if (!visit.node.is_string()) return;
    const std::string_view name = visit.node.string();
    // Length and whitespace are the schema's (min 3, max 63, \S+); placeholders value.placeholder's.
    if (name.empty() || visit.node.schema_faulted()) return;
    if (placeholder::find_placeholder(name, false)) return;
    const auto broken = broken_rules(name);
    if (broken.empty()) return;
    out.report(kBucketName, visit.pointer(), Anchor::Value,
               "bucketName is not a valid S3 bucket name: {}; name the "
               "bucket AppFlow stages data in, as S3 shows it",
               fmt::join(broken, ", and "));
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_s3_bucket_name() { return std::make_unique<BucketName>(); }

}  // namespace appflow_lint::rules
