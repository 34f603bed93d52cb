// The pipeline behind Linter: parse (simdjson's one pass, or the exact parser for
// anything unusual) -> one walk (schema checks + subscribed rules) -> cross-field
// rules -> resolve (only when something was reported).
// Nothing connector-specific lives here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/engine/document_walk.hpp"
#include "appflow_lint/lint.hpp"
#include "appflow_lint/resolution/resolve.hpp"
#include "appflow_lint/run_checks.hpp"
#include "appflow_lint/schema_engine/schema_validator.hpp"
#include "appflow_lint/secrets/byte_span.hpp"

namespace appflow_lint::detail {

class LinterImpl {
 public:
  explicit LinterImpl(LinterOptions options);

  LintResult lint_text(std::string_view text) const;
  // The same, also filling `fingerprint` (as fingerprint_request(text) would) from the
  // tree the lint built, so that a run checking tokens across documents parses each once.
  LintResult lint_text(std::string_view text, RequestFingerprint* fingerprint) const;
  LintResult lint_value(const nlohmann::json& document) const;
  // The exact path that lint_text takes for anything unusual (nlohmann's parse, then the
  // same engine), for any text: the differential test holds the two paths to each other.
  LintResult lint_text_exact(std::string_view text) const { return lint_parsed(text); }
  const LinterOptions& options() const noexcept { return options_; }
  // Where `text` must be masked before any of it is shown (a --diff of a fixed file):
  // the sensitive values and hidden keys of the parsed document; every literal when
  // the text does not parse plainly (deny by default).
  std::vector<secrets::ByteSpan> secret_spans(std::string_view text) const;

 private:
  void check_document(const document::Node& document, Reporter& out, std::vector<std::string>& notes) const;
  LintResult lint_parsed(std::string_view text) const;
  LintResult finish(Reporter& reporter, const document::Node* document, const std::optional<SourceText>& source,
                    std::vector<std::string> notes) const;

  LinterOptions options_;
  schema_engine::SchemaValidator validator_;
  engine::Dispatch dispatch_;  // of the modules with at least one rule on
};

}  // namespace appflow_lint::detail
