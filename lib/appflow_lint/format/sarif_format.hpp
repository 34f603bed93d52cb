// `--format sarif`: SARIF 2.1.0 for code-scanning services. Rule descriptors come
// from RuleInfo (help from the rule docs, helpUri under the docs_base_url build
// option); results refer to them by id and index, carry a fingerprint that survives
// line moves, and locate files by URI (artifact_uri.hpp); columns are code points.
// The invocation records whether the run succeeded, each problem() and the levels
// configured for every input. The writer keeps the results (never the documents) and
// prints the log at finish().
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/format/docs_url.hpp"

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/format/writer.hpp"
#include "appflow_lint/lint_types.hpp"

namespace appflow_lint::format {

struct SarifOptions {
  // Absolute: relative paths are relative to it (%SRCROOT%). Empty: the current folder.
  std::string working_directory;
  std::string docs_base_url{kDocsBaseUrl};  // ends in '/'; a rule's page is `<id>.md` under it
  // Levels configured for every input (--rule, or a configuration that applies to all
  // of them), recorded as the invocation's ruleConfigurationOverrides where they
  // differ from the rule's default. Results carry their own level either way.
  RuleSeverities run_severities;
};

std::unique_ptr<ReportWriter> make_sarif_writer(SarifOptions options = {});

// A SARIF rule name: the id in PascalCase ("schema.unknown-property" is
// "SchemaUnknownProperty"), distinct from the id as SARIF asks.
std::string sarif_rule_name(std::string_view id);

std::string render_sarif(const std::vector<FileReport>& files, SarifOptions options = {});

}  // namespace appflow_lint::format
