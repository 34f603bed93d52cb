// Turns pending diagnostics into public ones: source ranges from the structure
// index, severities from the rules (or the caller's overrides), a stable order,
// and no duplicates.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/diagnostic/pending_diagnostic.hpp"

namespace appflow_lint {

struct SourceText {
  std::string_view text;
  bool parsed = false;        // true when nlohmann accepted it (the structure index applies)
  bool mask_all_strings = false;  // structure cannot tell where secrets are (syntax error, repeated keys)
};

struct ResolvedDiagnostics {
  std::vector<Diagnostic> diagnostics;
  std::vector<Range> redactions;
};

// `sensitive` lists nodes whose source text must never be echoed. Without `source`
// (a value linted without text) diagnostics get pointers but no ranges.
ResolvedDiagnostics resolve(std::vector<PendingDiagnostic> pending,
                            const std::vector<std::pair<std::string, Anchor>>& sensitive,
                            const std::optional<SourceText>& source);

}  // namespace appflow_lint
