#include "appflow_lint/rules/arn/arn_check.hpp"

#include <algorithm>
#include <array>

#include <re2/re2.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"

namespace appflow_lint::rules::arn {
namespace {

constexpr std::array<std::string_view, 3> kPartitions{"aws", "aws-cn", "aws-us-gov"};
constexpr std::size_t kMaxArnLength = 2048;  // the longest any ARN member allows

// us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4, cn-north-1.
const re2::RE2& region_syntax() {
  static const re2::RE2 re(R"([a-z]{2}(-[a-z]+)+-\d+)");
  return re;
}

bool is_account(std::string_view account) {
  return account.size() == 12 &&
         std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The partition a region belongs to, by its prefix.
std::string_view partition_of(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  return "aws";
}

std::string quoted(std::string_view text, bool quote) { return quote ? fmt::format(" '{}'", text) : std::string(); }

class ArnModule final : public BasicRuleModule {
 public:
  ArnModule(const RuleInfo& rule, const ArnShape& shape, std::vector<std::string_view> patterns)
      : BasicRuleModule({&rule}), rule_(rule), shape_(shape) {
    // "/a/*/b" pointer patterns -> "a/*/b" member paths.
    for (auto pattern : patterns) paths_.emplace_back(pattern.substr(pattern.starts_with('/') ? 1 : 0));
  }

  std::vector<std::string> node_paths() const override { return paths_; }

  void visit(const RuleContext&, const NodeVisit& visit, Reporter& out) const override {
    if (!visit.node.is_string() || visit.node.schema_faulted()) return;
    const std::string_view value = visit.node.string();
    // Deny by default: only a value the secret policy shows may be quoted.
    const bool sensitive = !visit.exposure.shown();
    if (visit.facts.placeholder(sensitive)) return;  // value.placeholder reports it
    const auto faults = arn_faults(value, shape_, !sensitive);
    if (faults.empty()) return;
    out.report(rule_, visit.pointer(), Anchor::Value, "{} is not {}: {}; it must be {}", visit.member, shape_.what,
               fmt::join(faults, ", and "), shape_.expected);
  }

 private:
  const RuleInfo& rule_;
  ArnShape shape_;
  std::vector<std::string> paths_;
};

}  // namespace

std::string_view resource_type(std::string_view resource) {
  return resource.substr(0, std::min(resource.find('/'), resource.find(':')));
}

std::vector<std::string> arn_faults(std::string_view value, const ArnShape& shape, bool quote) {
  std::vector<std::string> faults;
  if (value.size() > kMaxArnLength) return faults;  // the schema's maxLength reports it
  // arn:partition:service:region:account:resource; the resource may hold more colons.
  std::array<std::string_view, 6> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const std::size_t colon = value.find(':', start);
    if (colon == std::string_view::npos) {
      faults.push_back("it does not have the six parts arn:partition:service:region:account:resource");
      return faults;
    }
    parts[i] = value.substr(start, colon - start);
    start = colon + 1;
  }
  parts[5] = value.substr(start);
  const auto [prefix, partition, service, region, account, resource] = parts;
  if (prefix != "arn") faults.push_back("it does not start with arn:");
  if (std::find(kPartitions.begin(), kPartitions.end(), partition) == kPartitions.end()) {
    faults.push_back(fmt::format("the partition{} is not aws, aws-cn or aws-us-gov", quoted(partition, quote)));
  }
  if (service != shape.service) {
    faults.push_back(fmt::format("the service{} is not {}", quoted(service, quote), shape.service));
  }
  if (!shape.has_region) {
    if (!region.empty()) {
      faults.push_back(fmt::format("the region{} must be empty ({} is global)", quoted(region, quote), shape.service));
    }
  } else if (region.empty()) {
    faults.push_back("the region is missing");
  } else if (region.size() > 64 || !re2::RE2::FullMatch(region, region_syntax())) {
    faults.push_back(fmt::format("the region{} is not a region name like us-east-1", quoted(region, quote)));
  } else if (partition_of(region) != partition &&
             std::find(kPartitions.begin(), kPartitions.end(), partition) != kPartitions.end()) {
    faults.push_back(
        fmt::format("the region{} is in partition {}, not {}", quoted(region, quote), partition_of(region), partition));
  }
  if (!is_account(account)) {
    faults.push_back(quote ? fmt::format("the account '{}' is not 12 digits", account)
                           : std::string("the account is not 12 digits"));
  }
  if (std::string fault = shape.resource_fault(resource, quote); !fault.empty()) faults.push_back(std::move(fault));
  return faults;
}

std::unique_ptr<RuleModule> make_arn_module(const RuleInfo& rule, const ArnShape& shape,
                                            std::vector<std::string_view> pointer_patterns) {
  return std::make_unique<ArnModule>(rule, shape, std::move(pointer_patterns));
}

}  // namespace appflow_lint::rules::arn
