// The ARN family's shared part: an ARN split at its colons and checked part by part
// against the shape of one resource type, and the module that checks the members
// holding such ARNs. Each rule file supplies a shape and its pointer patterns.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules::arn {

struct ArnShape {
  std::string_view what;      // "an IAM role ARN", for messages
  std::string_view service;   // "iam"
  bool has_region;            // false: the region part must be empty (IAM is global)
  std::string_view expected;  // "arn:<partition>:iam::<12-digit account>:role/<name>", for messages
  // What is wrong with the resource part ("" when nothing); `quote`: the value may be
  // shown (false for sensitive members).
  std::string (*resource_fault)(std::string_view resource, bool quote);
};

// What is wrong with `value` as an ARN of `shape`, one phrase per wrong part
// ("the region must be empty"); empty when nothing is.
std::vector<std::string> arn_faults(std::string_view value, const ArnShape& shape, bool quote);

// A module reporting `rule` for each member matching `pointer_patterns` (`*` for any
// member the request schema declares) whose value the schema accepts but that is not
// an ARN of `shape`.
std::unique_ptr<RuleModule> make_arn_module(const RuleInfo& rule, const ArnShape& shape,
                                            std::vector<std::string_view> pointer_patterns);

// The token before the first '/' or ':' of a resource ("role" in "role/x").
std::string_view resource_type(std::string_view resource);

}  // namespace appflow_lint::rules::arn
