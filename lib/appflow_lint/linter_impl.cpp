// What a Linter does: one simdjson pass into the tree, the one walk with the rules,
// then resolution; anything unusual takes the exact nlohmann path.
#include "appflow_lint/linter_impl.hpp"

#include <algorithm>
#include <cstddef>
#include <memory_resource>

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/document/text_builder.hpp"
#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/parse/document_parser.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/idempotency/token_reuse.hpp"
#include "appflow_lint/rules/json_rules.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/schema_engine/root_members.hpp"
#include "appflow_lint/schema_engine/schema_bundle.hpp"
#include "appflow_lint/secrets/pointer_redaction.hpp"
#include "appflow_lint/secrets/redactions.hpp"
#include "appflow_lint/secrets/scrub.hpp"
#include "appflow_lint/source_map/line_index.hpp"
#include "appflow_lint/source_map/structure_index.hpp"

namespace appflow_lint {

namespace detail {
namespace {

Operation other_operation(Operation operation) {
  return operation == Operation::UpdateConnectorProfile ? Operation::CreateConnectorProfile
                                                        : Operation::UpdateConnectorProfile;
}

std::string_view request_schema_text(Operation operation) {
  return operation == Operation::CreateConnectorProfile ? schema_bundle::kCreateConnectorProfileRequest
                                                        : schema_bundle::kUpdateConnectorProfileRequest;
}

// Each repeated key gets its own range: a key written three times has two
// duplicates with one pointer, so the pointer alone cannot place them.
void report_duplicate_keys(const source_map::StructureIndex& index, const std::vector<std::string>& pointers,
                           const document::Node& document, const secrets::SecretPolicy& policy, Reporter& out) {
  const auto& spans = index.repeated_keys();
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    const std::string& pointer = pointers[i];
    const std::string key = json_pointer::last_token(pointer);
    const bool hide_key = secrets::redact_pointer(policy, document, pointer).has_value();
    out.report(rules::kJsonDuplicateKey, pointer, Anchor::Key,
               "{} appears more than once in this object; only the last value counts",
               hide_key ? std::string("a key") : "'" + key + "'")
        .suggest("remove the earlier member");
    if (spans.size() == pointers.size()) out.diagnostics().back().byte_span = spans[i];
  }
}

// Keeps the first kMaxDiagnosticsPerDocument (in position order) and counts the rest in
// one more diagnostic with the highest severity among them.
void cap_diagnostics(std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.size() <= rules::kMaxDiagnosticsPerDocument) return;
  std::size_t errors = 0, warnings = 0, infos = 0;
  for (std::size_t i = rules::kMaxDiagnosticsPerDocument; i < diagnostics.size(); ++i) {
    const Severity severity = diagnostics[i].severity;
    (severity == Severity::Error ? errors : severity == Severity::Warning ? warnings : infos) += 1;
  }
  Diagnostic summary;
  summary.rule = std::string(rules::kTooManyDiagnostics.id);
  summary.severity = errors > 0 ? Severity::Error : warnings > 0 ? Severity::Warning : Severity::Info;
  summary.message =
      fmt::format("{} more diagnostics ({} errors, {} warnings, {} infos) are not listed: a document lists at most {}",
                  diagnostics.size() - rules::kMaxDiagnosticsPerDocument, errors, warnings, infos,
                  rules::kMaxDiagnosticsPerDocument);
  summary.range = diagnostics[rules::kMaxDiagnosticsPerDocument].range;
  diagnostics.resize(rules::kMaxDiagnosticsPerDocument);
  diagnostics.push_back(std::move(summary));
}

// A copy of `value` down to `max_depth`, each container that crosses it left empty (as
// parse_document keeps a too-deep text), without recursion: a caller's value may nest
// arbitrarily. nullopt when nothing crosses the limit (no copy is needed).
std::optional<nlohmann::json> truncated_copy(const nlohmann::json& value, std::size_t max_depth) {
  struct Step {
    const nlohmann::json* from;
    nlohmann::json* to;
    std::size_t depth;
  };
  nlohmann::json copy = value.is_structured() ? nlohmann::json(value.type()) : value;
  bool truncated = false;
  std::vector<Step> pending{{&value, &copy, 1}};
  while (!pending.empty()) {
    const Step step = pending.back();
    pending.pop_back();
    if (!step.from->is_structured()) continue;
    if (step.depth > max_depth) {
      truncated = true;
      continue;  // stays an empty container
    }
    const auto place = [&](nlohmann::json& slot, const nlohmann::json& child) {
      slot = child.is_structured() ? nlohmann::json(child.type()) : child;
      if (child.is_structured()) pending.push_back({&child, &slot, step.depth + 1});
    };
    if (step.from->is_object()) {
      for (const auto& [name, child] : step.from->items()) place((*step.to)[name], child);
    } else {
      auto& array = step.to->get_ref<nlohmann::json::array_t&>();
      array.resize(step.from->size());
      for (std::size_t i = 0; i < array.size(); ++i) place(array[i], (*step.from)[i]);
    }
  }
  if (!truncated) return std::nullopt;
  return copy;
}

// Whether either map has a member spelt `connector` (every request, when it is empty).
bool names_connector(const rules::connectors::RequestConnectors& connectors, std::string_view connector) {
  if (connector.empty()) return true;
  const auto spelt = [&](const rules::connectors::NamedConnector& named) { return named.member == connector; };
  return std::any_of(connectors.configured.begin(), connectors.configured.end(), spelt) ||
         std::any_of(connectors.credentialed.begin(), connectors.credentialed.end(), spelt);
}

std::vector<const rules::RuleModule*> active_modules(const RuleSeverities& severities) {
  std::vector<const rules::RuleModule*> active;
  for (const auto& module : rules::all_modules()) {
    const auto rules = module->rules();
    const bool any_on = std::any_of(rules.begin(), rules.end(), [&](const RuleInfo* rule) {
      auto found = severities.find(rule->id);
      return found == severities.end() || found->second.has_value();
    });
    if (any_on) active.push_back(module.get());
  }
  return active;
}

}  // namespace

LinterImpl::LinterImpl(LinterOptions options)
    : options_(options),
      validator_(request_schema_text(options.operation), std::string(to_string(options.operation)),
                 schema_engine::root_member_names(request_schema_text(other_operation(options.operation))),
                 std::string(to_string(other_operation(options.operation)))),
      dispatch_(validator_.schema(), active_modules(options_.rule_severities)) {}

void LinterImpl::check_document(const document::Node& document, Reporter& out, std::vector<std::string>& notes) const {
  const document::Node* config = rules::object_member(&document, "connectorProfileConfig");
  const document::Node* properties = rules::object_member(config, "connectorProfileProperties");
  const document::Node* credentials = rules::object_member(config, "connectorProfileCredentials");
  // Per-request lists (the connectors named) fit here; a request naming many spills to the heap.
  alignas(std::max_align_t) std::byte scratch[512];
  std::pmr::monotonic_buffer_resource memory(scratch, sizeof(scratch));
  const rules::connectors::RequestConnectors connectors =
      rules::connectors::find_connectors(properties, credentials, &memory);
  const rules::RuleContext context{document,   options_.operation, validator_.secret_policy(),
                                   properties, credentials,        connectors};
  // A defect in one module must not hide what the others find.
  try {
    engine::walk_document({validator_.check_context(), dispatch_, context}, document, out);
  } catch (const std::exception& error) {
    notes.push_back(fmt::format("internal error in the schema walk: {}", error.what()));
  }
  for (const auto& [module, connector] : dispatch_.request_checks()) {
    if (!names_connector(connectors, connector)) continue;
    try {
      module->check(context, out);
    } catch (const std::exception& error) {
      notes.push_back(
          fmt::format("internal error in the rule module for {}: {}", module->rules().front()->id, error.what()));
    }
  }
}

LintResult LinterImpl::finish(Reporter& reporter, const document::Node* document,
                              const std::optional<SourceText>& source, std::vector<std::string> notes) const {
  LintResult result;
  result.notes = std::move(notes);
  if (!result.notes.empty() && document != nullptr) {  // an exception's text may quote the request
    const auto found = secrets::secret_strings(validator_.secret_policy(), *document);
    for (auto& note : result.notes) secrets::scrub(note, found);
  }
  if (reporter.empty()) return result;
  ResolvedDiagnostics resolved =
      resolve(std::move(reporter.diagnostics()), validator_.secret_policy(), document, source);
  result.diagnostics = std::move(resolved.diagnostics);
  result.redactions = std::move(resolved.redactions);
  apply_rule_severities(result, options_.rule_severities);
  cap_diagnostics(result.diagnostics);
  return result;
}

LintResult LinterImpl::lint_text(std::string_view text) const { return lint_text(text, nullptr); }

LintResult LinterImpl::lint_text(std::string_view text, RequestFingerprint* fingerprint) const {
  Reporter reporter;
  if (text.size() > parse::kMaxDocumentBytes) {
    reporter.report_at(rules::kJsonTooLarge, 0, source_map::code_point_end(text, 0),
                       fmt::format("the document has {} MiB; no request comes near the {} MiB this linter parses, "
                                   "and nothing was checked",
                                   text.size() >> 20, parse::kMaxDocumentBytes >> 20));
    return finish(reporter, nullptr, SourceText{text, false}, {});
  }
  // The common case: one simdjson pass builds the tree, with offsets. Any document it
  // does not take as plainly valid goes the exact way below, which explains the fault.
  {
    thread_local document::TextBuilder builder;
    document::Tree tree;
    if (builder.build(text, tree, parse::kDefaultMaxDepth, parse::kDefaultMaxEntries)) {
      if (fingerprint != nullptr) *fingerprint = rules::fingerprint_tree(tree.root(), text);
      std::vector<std::string> notes;
      check_document(tree.root(), reporter, notes);
      if (reporter.empty() && notes.empty()) return {};
      return finish(reporter, &tree.root(), SourceText{text, true, false}, std::move(notes));
    }
  }
  // The text front end did not take it: nor would fingerprint_request()'s, so go
  // straight to its exact way.
  if (fingerprint != nullptr) *fingerprint = rules::fingerprint_request_exact(text);
  return lint_parsed(text);
}

LintResult LinterImpl::lint_parsed(std::string_view text) const {
  Reporter reporter;
  parse::ParsedDocument parsed = parse::parse_document(text);
  if (parsed.too_many_entries) {
    reporter.report_at(rules::kJsonTooLarge, 0, source_map::code_point_end(text, 0),
                       fmt::format("an object or array of the document has more than {} entries; no request does, "
                                   "and nothing was checked",
                                   parse::kDefaultMaxEntries));
    return finish(reporter, nullptr, SourceText{text, false}, {});
  }
  if (parsed.syntax_error) {
    const std::size_t offset = parsed.syntax_error->byte_offset;
    PendingDiagnostic& syntax = reporter.report_at(rules::kJsonSyntax, offset, source_map::code_point_end(text, offset),
                                                   std::move(parsed.syntax_error->message));
    if (parsed.syntax_error->remove_byte) syntax.suggest("remove the comma", "", Applicability::Safe);
    return finish(reporter, nullptr, SourceText{text, false}, {});
  }
  if (parsed.too_deep) {  // reported once; everything above the limit is still checked
    reporter.report_at(rules::kJsonTooDeep, parsed.too_deep_offset, parsed.too_deep_offset + 1,
                       fmt::format("the document nests deeper than {} levels; no request does, and "
                                   "nothing below that depth was checked",
                                   parse::kDefaultMaxDepth));
  }
  // The text's structure gives offsets; it is only built when something needs them.
  std::optional<source_map::StructureIndex> structure;
  const auto structure_of_text = [&]() -> const source_map::StructureIndex& {
    if (!structure) structure = source_map::StructureIndex::build(text);
    return *structure;
  };
  std::vector<std::string> notes;
  document::Tree tree;
  document::build_from_json(parsed.value, tree);
  if (!parsed.duplicate_keys.empty()) {
    report_duplicate_keys(structure_of_text(), parsed.duplicate_keys, tree.root(), validator_.secret_policy(),
                          reporter);
  }
  check_document(tree.root(), reporter, notes);
  if (reporter.empty() && notes.empty()) return {};
  document::Tree located;  // the same document, with the offsets its diagnostics need
  document::build_from_json(parsed.value, located, &structure_of_text());
  return finish(reporter, &located.root(), SourceText{text, true, !parsed.duplicate_keys.empty()}, std::move(notes));
}

std::vector<secrets::ByteSpan> LinterImpl::secret_spans(std::string_view text) const {
  constexpr std::size_t kMaxSpans = 100'000;
  parse::ParsedDocument parsed = parse::parse_document(text);
  std::vector<secrets::ByteSpan> spans;
  if (parsed.syntax_error || parsed.too_many_entries || parsed.too_deep || !parsed.duplicate_keys.empty()) {
    spans = secrets::unparsed_redactions(text, kMaxSpans);
  } else {
    const source_map::StructureIndex structure = source_map::StructureIndex::build(text);
    document::Tree located;
    document::build_from_json(parsed.value, located, &structure);
    spans = secrets::parsed_redactions(validator_.secret_policy(), located.root(), text);
  }
  if (spans.size() > kMaxSpans) spans.assign(1, secrets::ByteSpan{0, text.size()});
  return spans;
}

LintResult LinterImpl::lint_value(const nlohmann::json& document) const {
  Reporter reporter;
  const std::optional<nlohmann::json> truncated = truncated_copy(document, parse::kDefaultMaxDepth);
  if (truncated) {
    reporter.report(rules::kJsonTooDeep, "", Anchor::Value,
                    fmt::format("the request nests deeper than {} levels; no request does, and nothing below that "
                                "depth was checked",
                                parse::kDefaultMaxDepth));
  }
  const nlohmann::json& checked = truncated ? *truncated : document;
  std::vector<std::string> notes;
  document::Tree tree;
  document::build_from_json(checked, tree);
  check_document(tree.root(), reporter, notes);
  return finish(reporter, &tree.root(), std::nullopt, std::move(notes));
}

}  // namespace detail

}  // namespace appflow_lint
