// Rule metadata: the single source for --list-rules, docs/rules/<id>.md, SARIF rule
// descriptors and tests.
#pragma once

#include <cstdint>
#include <string_view>

#include "appflow_lint/array_view.hpp"
#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint {

// What kind of fault a rule reports, as linters group their rules.
enum class RuleCategory : std::uint8_t {
  Correctness,  // the service rejects the request, or the profile cannot work as written
  Security,     // credentials exposed or sent unprotected, or a token nobody can trust
  Suspicious,   // accepted, but very likely not what was meant
  Redundant,    // a member that has no effect: unused, ignored or empty
  Limit,        // a bound of the linter itself: past it, the document is not fully checked
};

// Whether a rule's diagnostics carry a fix: a suggestion with a replacement (a text
// edit). Suggestions without one are advice and do not count.
enum class FixAvailability : std::uint8_t {
  None,       // never
  Sometimes,  // where the fix is certain (a bare host gets https://, a case slip its spelling)
  Always,     // every diagnostic
};

std::string_view to_string(RuleCategory category) noexcept;
std::string_view to_string(FixAvailability fix) noexcept;

struct RuleInfo {
  std::string_view id;                  // permanent, `<area>.<kebab-case>`
  Severity severity = Severity::Error;  // default severity
  RuleCategory category;                // what kind of fault it reports
  FixAvailability fix;                  // whether its diagnostics carry a replacement
  std::string_view since;               // the release it first appeared in ("1.0.0")
  std::string_view summary;             // one line
  std::string_view docs;                // Markdown: why it matters, what to do
  std::string_view applies_to;          // "all connectors", "Salesforce, Pardot", ...
  std::string_view source;              // where the fact comes from (model, RFC, AWS rule)
  std::string_view failing_example;     // a request fragment the rule reports
  std::string_view passing_example;     // the same fragment, fixed
};

// Every rule the linter can report, sorted by id.
ArrayView<const RuleInfo> list_rules() noexcept;

// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id) noexcept;

}  // namespace appflow_lint
