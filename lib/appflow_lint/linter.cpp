// The public face: the Operation and LintResult helpers and the Linter, which
// forwards to detail::LinterImpl (linter_impl.cpp).
#include "appflow_lint/lint.hpp"

#include <algorithm>

#include "appflow_lint/linter_impl.hpp"

namespace appflow_lint {

std::string_view to_string(Operation operation) noexcept {
  return operation == Operation::CreateConnectorProfile ? "CreateConnectorProfile" : "UpdateConnectorProfile";
}

bool parse_operation(std::string_view text, Operation& out) noexcept {
  for (Operation candidate : {Operation::UpdateConnectorProfile, Operation::CreateConnectorProfile}) {
    if (text == to_string(candidate)) {
      out = candidate;
      return true;
    }
  }
  return false;
}

std::size_t LintResult::count(Severity severity) const noexcept {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [&](const Diagnostic& d) { return d.severity == severity; }));
}

Linter::Linter(LinterOptions options) : impl_(std::make_unique<detail::LinterImpl>(options)) {}
Linter::~Linter() = default;
Linter::Linter(Linter&&) noexcept = default;
Linter& Linter::operator=(Linter&&) noexcept = default;

Operation Linter::operation() const noexcept { return impl_->options().operation; }

LintResult Linter::lint_text(std::string_view text) const { return impl_->lint_text(text); }

}  // namespace appflow_lint
