// Whether an ARN's resource part names an IAM role: role/<name> or role/<path>/<name>.
#pragma once

#include <string_view>

namespace appflow_lint::rules::arn {

// The IAM syntax, exactly the regex role(?:/|/[\x21-\x7E]+/)[\w+=,.@-]{1,64}: a name
// of 1-64 letters, digits and +=,.@_- after "role/", optionally behind a path of
// printable ASCII ending in '/'. Written out rather than run through RE2 because a
// name holds no '/', so splitting at the last '/' decides it in one pass, and RE2
// cost ~2,000 instructions per call on every Redshift request;
// tests/unit/role_resource_test.cpp holds the two to the same answers.
bool is_role_resource(std::string_view resource) noexcept;

}  // namespace appflow_lint::rules::arn
