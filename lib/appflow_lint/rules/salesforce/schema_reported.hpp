// Whether the schema layer has already reported the value at a pointer (a pattern,
// length or type fault). A rule that would only restate that fault skips the value.
// Shared by the salesforce, jwt and oauth families; a candidate for rules/document.hpp.
#pragma once

#include <algorithm>
#include <string_view>

#include "appflow_lint/diagnostic/reporter.hpp"

namespace appflow_lint::rules {

// Relies on the pipeline order (lint.cpp): schema validation runs before the modules.
inline bool schema_reported(Reporter& out, std::string_view pointer) {
  const auto& reported = out.diagnostics();
  return std::any_of(reported.begin(), reported.end(), [&](const PendingDiagnostic& d) {
    return d.pointer == pointer && d.rule != nullptr && d.rule->id.starts_with("schema.");
  });
}

}  // namespace appflow_lint::rules
