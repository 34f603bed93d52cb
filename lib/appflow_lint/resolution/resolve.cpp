#include "appflow_lint/resolution/resolve.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/secrets/pointer_redaction.hpp"
#include "appflow_lint/secrets/redactions.hpp"
#include "appflow_lint/secrets/scrub.hpp"
#include "appflow_lint/secrets/secret_walk.hpp"
#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint {
namespace {

using ByteSpan = std::pair<std::size_t, std::size_t>;

constexpr std::size_t kMaxRedactions = 100'000;

std::optional<ByteSpan> node_span(const document::Node& root, const std::string& pointer, Anchor anchor) {
  const document::Location at = document::locate(root, pointer);
  if (at.node == nullptr || !at.node->located()) return std::nullopt;
  if (anchor == Anchor::Key && at.member != nullptr && at.member->key_begin != document::kNoOffset) {
    return ByteSpan{at.member->key_begin, at.member->key_end};
  }
  return ByteSpan{at.node->begin(), at.node->end()};
}

// The bytes that removing the member at `pointer` deletes: from its key to the next
// member's key (so the next one takes its place and indentation), or, for the last
// member, from the end of the one before; its key and value alone when it is the only one.
std::optional<ByteSpan> member_removal_span(const document::Node& root, const std::string& pointer) {
  const document::Location at = document::locate(root, pointer);
  const document::Node* holder = document::find_pointer(root, json_pointer::parent(pointer));
  if (at.member == nullptr || holder == nullptr || !at.node->located() || at.member->key_begin == document::kNoOffset)
    return std::nullopt;
  const auto members = holder->members();
  const auto index = static_cast<std::size_t>(at.member - members.data());
  if (index >= members.size()) return std::nullopt;
  if (index + 1 < members.size() && members[index + 1].key_begin != document::kNoOffset)
    return ByteSpan{at.member->key_begin, members[index + 1].key_begin};
  if (index > 0 && members[index - 1].value.located()) return ByteSpan{members[index - 1].value.end(), at.node->end()};
  return ByteSpan{at.member->key_begin, at.node->end()};
}

Diagnostic to_public(PendingDiagnostic&& pending, std::optional<Range> range,
                     const source_map::LineIndex* lines = nullptr) {
  Diagnostic out;
  out.rule = std::string(pending.rule->id);
  out.severity = pending.rule->severity;
  // Keys and values that messages quote may hold line breaks or escape sequences.
  out.message = printable(std::move(pending.message));
  out.pointer = std::move(pending.pointer);
  out.range = range;
  for (auto& suggestion : pending.suggestions) {
    Suggestion converted{printable(std::move(suggestion.message)), std::nullopt, suggestion.applicability};
    std::optional<Range> edit_range;
    if (suggestion.target == EditTarget::DiagnosticRange) {
      edit_range = range;
    } else if (suggestion.edit_span && lines != nullptr) {
      edit_range = lines->range(suggestion.edit_span->first, suggestion.edit_span->second);
    }
    if (suggestion.replacement && edit_range)
      converted.replacement = TextEdit{*edit_range, std::move(*suggestion.replacement)};
    out.suggestions.push_back(std::move(converted));
  }
  return out;
}

// A pointer through a secret key stops before it; the message says which member it means.
void hide_secret_keys(std::vector<PendingDiagnostic>& pending, const secrets::SecretPolicy& policy,
                      const document::Node& document) {
  for (auto& item : pending) {
    const auto redacted = secrets::redact_pointer(policy, document, item.pointer);
    if (!redacted) continue;
    item.pointer = redacted->pointer;
    item.message += fmt::format(" (entry {} of {})", redacted->entry, redacted->holder);
  }
}

// Whatever a check wrote: a suggestion whose new text holds a secret loses its edit.
void scrub_secret_values(std::vector<PendingDiagnostic>& pending, const std::vector<std::string>& found) {
  if (found.empty()) return;
  for (auto& item : pending) {
    secrets::scrub(item.message, found);
    for (auto& suggestion : item.suggestions) {
      secrets::scrub(suggestion.message, found);
      if (suggestion.replacement && secrets::scrub(*suggestion.replacement, found)) suggestion.replacement.reset();
    }
  }
}

bool before(const Diagnostic& a, const Diagnostic& b) {
  const auto key = [](const Diagnostic& d) {
    const Position start = d.range ? d.range->start : Position{};
    return std::make_tuple(start.line, start.column, std::cref(d.pointer), std::cref(d.rule), std::cref(d.message));
  };
  return key(a) < key(b);
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.pointer == b.pointer && a.message == b.message && a.range == b.range;
}

}  // namespace

ResolvedDiagnostics resolve(std::vector<PendingDiagnostic> pending, const secrets::SecretPolicy& policy,
                            const document::Node* document, const std::optional<SourceText>& source) {
  ResolvedDiagnostics resolved;
  const bool located = source && source->parsed && document != nullptr;
  // Spans first, from the pointers as the checks wrote them (a hidden key is still located).
  std::vector<std::optional<ByteSpan>> spans;
  spans.reserve(pending.size());
  for (auto& item : pending) {
    std::optional<ByteSpan> span = item.byte_span;
    if (!span && located) span = node_span(*document, item.pointer, item.anchor);
    spans.push_back(span);
    for (auto& suggestion : item.suggestions) {
      if (suggestion.target == EditTarget::WholeMember && located)
        suggestion.edit_span = member_removal_span(*document, item.pointer);
    }
  }
  // What must not be shown, in one walk: the secret strings, and the text's masks when
  // the text's structure can be trusted.
  const bool masks_from_document = located && !source->mask_all_literals;
  secrets::SecretsFound found;
  if (document != nullptr) {
    found = secrets::find_secrets(
        policy, *document, {.strings = true, .text = masks_from_document ? std::optional(source->text) : std::nullopt});
    hide_secret_keys(pending, policy, *document);
    scrub_secret_values(pending, found.strings);
  }
  resolved.diagnostics.reserve(pending.size());
  if (!source) {
    for (auto& item : pending) resolved.diagnostics.push_back(to_public(std::move(item), std::nullopt));
  } else {
    const source_map::LineIndex lines(source->text);
    // Positions in text order: the line index walks each line once.
    std::vector<std::size_t> order(pending.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return spans[a].value_or(ByteSpan{}).first < spans[b].value_or(ByteSpan{}).first;
    });
    for (std::size_t i : order) {
      std::optional<Range> range;
      if (spans[i]) range = lines.range(spans[i]->first, spans[i]->second);
      resolved.diagnostics.push_back(to_public(std::move(pending[i]), range, &lines));
    }
    std::vector<ByteSpan> masked =
        masks_from_document ? std::move(found.spans) : secrets::unparsed_redactions(source->text, kMaxRedactions);
    // A hostile document (millions of tokens on one line) would cost more in masks than
    // in everything else: past the bound, the whole text is one mask.
    if (masked.size() > kMaxRedactions) masked.assign(1, ByteSpan{0, source->text.size()});
    resolved.redactions.reserve(masked.size());
    for (const auto& [begin, end] : masked) resolved.redactions.push_back(lines.range(begin, end));
  }
  std::stable_sort(resolved.diagnostics.begin(), resolved.diagnostics.end(), before);
  resolved.diagnostics.erase(std::unique(resolved.diagnostics.begin(), resolved.diagnostics.end(), same),
                             resolved.diagnostics.end());
  return resolved;
}

}  // namespace appflow_lint
