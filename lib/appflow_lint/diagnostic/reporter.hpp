// Collects what checks find in one document. A report names its RuleInfo, never an
// id string, so a check cannot mislabel its output.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/pending_diagnostic.hpp"

namespace appflow_lint {

class Reporter {
 public:
  PendingDiagnostic& report(const RuleInfo& rule, std::string pointer, Anchor anchor, std::string message);

  template <typename... Args>
  PendingDiagnostic& report(const RuleInfo& rule, std::string pointer, Anchor anchor,
                            fmt::format_string<Args...> format, Args&&... args) {
    return report(rule, std::move(pointer), anchor, fmt::vformat(format, fmt::make_format_args(args...)));
  }

  // For faults with no node (syntax errors): a byte span of the text.
  PendingDiagnostic& report_at(const RuleInfo& rule, std::size_t begin, std::size_t end, std::string message);

  std::vector<PendingDiagnostic>& diagnostics() noexcept { return diagnostics_; }
  const std::vector<PendingDiagnostic>& diagnostics() const noexcept { return diagnostics_; }
  bool empty() const noexcept { return diagnostics_.empty(); }

 private:
  std::vector<PendingDiagnostic> diagnostics_;
};

}  // namespace appflow_lint
