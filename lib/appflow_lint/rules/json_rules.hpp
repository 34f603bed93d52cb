// Rules about the text itself, before any schema applies.
#pragma once

#include <cstddef>

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint::rules {

extern const RuleInfo kJsonSyntax;
extern const RuleInfo kJsonDuplicateKey;
extern const RuleInfo kJsonTooDeep;
extern const RuleInfo kJsonTooLarge;
extern const RuleInfo kTooManyDiagnostics;

// The most diagnostics one document lists (lint.too-many-diagnostics counts the rest).
inline constexpr std::size_t kMaxDiagnosticsPerDocument = 1000;

}  // namespace appflow_lint::rules
