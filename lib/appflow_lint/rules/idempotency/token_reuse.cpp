// idempotency.token-reused: the same clientToken on two documents of one run
// whose requests differ. The service treats a token as one request for 8 hours
// and rejects the same token with different parameters.
#include "appflow_lint/rules/idempotency/token_reuse.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/run_checks.hpp"
#include "appflow_lint/source_map/line_index.hpp"
#include "appflow_lint/source_map/structure_index.hpp"

namespace appflow_lint {
namespace rules {

const RuleInfo kTokenReused{
    .id = "idempotency.token-reused",
    .severity = Severity::Error,
    .summary = "The same clientToken on requests that differ",
    .docs = R"md(`clientToken` makes a request idempotent: AppFlow treats every request with
the same token (for 8 hours) as a retry of the first, and rejects one whose
parameters differ. Two documents of one run that share a token but not their
content will fail on the second call. Both documents are reported, each naming
the other. Identical documents (a genuine retry) are not reported.)md",
    .applies_to = "all requests (across the files and JSON Lines documents of one run)",
    .source = "the service model's documentation of clientToken (UpdateConnectorProfile, CreateConnectorProfile)",
    .failing_example = R"json(a.json: {"clientToken": "sync-2024-06-01", "connectionMode": "Public", ...}
b.json: {"clientToken": "sync-2024-06-01", "connectionMode": "Private", ...})json",
    .passing_example = R"json(a.json: {"clientToken": "sync-2024-06-01-a", ...}
b.json: {"clientToken": "sync-2024-06-01-b", ...})json",
};

}  // namespace rules

namespace {

struct TokenUse {
  DocumentInRun* document;
  std::string body;  // canonical serialisation (object members sorted)
};

std::optional<Range> token_range(const DocumentInRun& document) {
  const auto index = source_map::StructureIndex::build(document.text);
  const source_map::NodeSpan* span = index.find("/clientToken");
  if (span == nullptr) return std::nullopt;
  const source_map::LineIndex lines(document.text);
  Range range = lines.range(span->value_begin, span->value_end);
  range.start.line += document.line_offset;
  range.end.line += document.line_offset;
  return range;
}

void report(DocumentInRun& document, const DocumentInRun& other) {
  Diagnostic diagnostic;
  diagnostic.rule = std::string(rules::kTokenReused.id);
  diagnostic.severity = rules::kTokenReused.severity;
  diagnostic.pointer = "/clientToken";
  diagnostic.message = fmt::format(
      "clientToken is also used by {} for a different request; the service rejects a token reused with "
      "different parameters",
      other.label);
  diagnostic.range = token_range(document);
  diagnostic.suggestions.push_back({"give each distinct request its own clientToken", std::nullopt});
  auto& diagnostics = document.result->diagnostics;
  const auto position = std::upper_bound(diagnostics.begin(), diagnostics.end(), diagnostic,
                                         [](const Diagnostic& a, const Diagnostic& b) {
                                           const Position pa = a.range ? a.range->start : Position{};
                                           const Position pb = b.range ? b.range->start : Position{};
                                           return std::tie(pa.line, pa.column) < std::tie(pb.line, pb.column);
                                         });
  diagnostics.insert(position, std::move(diagnostic));
}

}  // namespace

void check_across_documents(std::span<DocumentInRun> documents) {
  std::map<std::string, std::vector<TokenUse>> by_token;
  for (auto& document : documents) {
    const auto value = nlohmann::json::parse(document.text, nullptr, /*allow_exceptions=*/false);
    if (!value.is_object()) continue;
    auto token = value.find("clientToken");
    if (token == value.end() || !token->is_string()) continue;
    by_token[token->get<std::string>()].push_back({&document, value.dump()});
  }
  for (auto& [token, uses] : by_token) {
    for (auto& use : uses) {
      auto differing = std::find_if(uses.begin(), uses.end(), [&](const TokenUse& other) {
        return other.document != use.document && other.body != use.body;
      });
      if (differing != uses.end()) report(*use.document, *differing->document);
    }
  }
}

}  // namespace appflow_lint
