// The linter's vocabulary: the operation a request is for, what linting returns, and
// the options a Linter is built with. The Linter itself is in lint.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint {

enum class Operation : std::uint8_t { UpdateConnectorProfile, CreateConnectorProfile };

std::string_view to_string(Operation operation) noexcept;
// Parses "UpdateConnectorProfile" / "CreateConnectorProfile"; false when unknown.
bool parse_operation(std::string_view text, Operation& out) noexcept;

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted by position, then rule id
  // Operational notes that are not about the input (a rule module that failed).
  std::vector<std::string> notes;
  // Source ranges holding values the model marks sensitive (filled when there are
  // diagnostics and source text). Never echo text inside them.
  std::vector<Range> redactions;

  std::size_t count(Severity severity) const noexcept;
  // True when no diagnostic has severity Error: the request may be sent.
  bool ok() const noexcept { return count(Severity::Error) == 0; }
};

// Orders rule ids, and finds a std::string key by a std::string_view without a copy.
// It stands in for std::less<>, which only <functional> promises, so that including
// this header costs no <functional> (docs/library.md#c-standard).
struct RuleIdLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return a < b; }
};

// Severity per rule id; std::nullopt turns the rule off.
using RuleSeverities = std::map<std::string, std::optional<Severity>, RuleIdLess>;

struct LinterOptions {
  Operation operation = Operation::UpdateConnectorProfile;
  RuleSeverities rule_severities;  // overrides of the rules' default severities
};

// Re-grades (or drops) diagnostics by rule id, e.g. for per-file overrides.
void apply_rule_severities(LintResult& result, const RuleSeverities& severities);

}  // namespace appflow_lint
