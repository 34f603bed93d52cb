// The linter: build once, share between threads, lint many documents.
#pragma once

#include <memory>
#include <string_view>

#include "appflow_lint/lint_types.hpp"

namespace appflow_lint {

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
