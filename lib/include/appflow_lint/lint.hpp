// The linter: build once, share between threads, lint many documents.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
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

// Severity per rule id; std::nullopt turns the rule off.
using RuleSeverities = std::map<std::string, std::optional<Severity>, std::less<>>;

struct LinterOptions {
  Operation operation = Operation::UpdateConnectorProfile;
  RuleSeverities rule_severities;  // overrides of the rules' default severities
};

// Re-grades (or drops) diagnostics by rule id, e.g. for per-file overrides.
void apply_rule_severities(LintResult& result, const RuleSeverities& severities);

namespace detail {
class LinterImpl;
}

// Immutable after construction: lint_text() may be called from many threads at once.
class Linter {
 public:
  explicit Linter(LinterOptions options = {});
  ~Linter();
  Linter(Linter&&) noexcept;
  Linter& operator=(Linter&&) noexcept;
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  Operation operation() const noexcept;

  // Lints JSON text. Never throws for bad input: a syntax error is a diagnostic.
  LintResult lint_text(std::string_view text) const;

  // Internal access for the nlohmann front end (appflow_lint/nlohmann.hpp).
  const detail::LinterImpl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<detail::LinterImpl> impl_;
};

}  // namespace appflow_lint
