// Turns pending diagnostics into public ones: source ranges from the document's
// offsets, severities from the rules (or the caller's overrides), a stable order,
// and no duplicates.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/diagnostic/pending_diagnostic.hpp"
#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint {

struct SourceText {
  std::string_view text;
  bool parsed = false;             // true when the document was parsed from it, with offsets
  bool mask_all_literals = false;  // structure cannot tell where secrets are (syntax error, repeated keys)
};

struct ResolvedDiagnostics {
  std::vector<Diagnostic> diagnostics;
  std::vector<Range> redactions;
};

// `document` is the parsed request (nullptr after a syntax error), with offsets into
// `source` when there is one; `policy` says what
// of it may be echoed: pointers stop before secret keys, messages and suggestions are
// scrubbed of secret values, and `redactions` cover what excerpts must mask. Without
// `source` (a value linted without text) diagnostics get pointers but no ranges.
ResolvedDiagnostics resolve(std::vector<PendingDiagnostic> pending, const secrets::SecretPolicy& policy,
                            const document::Node* document, const std::optional<SourceText>& source);

}  // namespace appflow_lint
