#include "appflow_lint/diagnostic/reporter.hpp"

namespace appflow_lint {

PendingDiagnostic& Reporter::report(const RuleInfo& rule, std::string pointer, Anchor anchor, std::string message) {
  // A faulty request usually has a few: room for them at the first, not one at a time.
  constexpr std::size_t kUsualCount = 4;
  if (diagnostics_.empty()) diagnostics_.reserve(kUsualCount);
  PendingDiagnostic& added = diagnostics_.emplace_back();
  added.rule = &rule;
  added.pointer = std::move(pointer);
  added.anchor = anchor;
  added.message = std::move(message);
  return added;
}

PendingDiagnostic& Reporter::report_at(const RuleInfo& rule, std::size_t begin, std::size_t end, std::string message) {
  PendingDiagnostic& added = report(rule, "", Anchor::Value, std::move(message));
  added.byte_span = std::make_pair(begin, end);
  return added;
}

}  // namespace appflow_lint
