#include "appflow_lint/diagnostic/resolve.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "appflow_lint/source_map/line_index.hpp"
#include "appflow_lint/source_map/string_literals.hpp"
#include "appflow_lint/source_map/structure_index.hpp"

namespace appflow_lint {
namespace {

using ByteSpan = std::pair<std::size_t, std::size_t>;

std::optional<ByteSpan> node_span(const source_map::StructureIndex& index, const std::string& pointer,
                                  Anchor anchor) {
  const source_map::NodeSpan* span = index.find(pointer);
  if (span == nullptr) return std::nullopt;
  if (anchor == Anchor::Key && span->has_key()) return ByteSpan{span->key_begin, span->key_end};
  return ByteSpan{span->value_begin, span->value_end};
}

Diagnostic to_public(PendingDiagnostic&& pending, std::optional<Range> range) {
  Diagnostic out;
  out.rule = std::string(pending.rule->id);
  out.severity = pending.rule->severity;
  out.message = std::move(pending.message);
  out.pointer = std::move(pending.pointer);
  out.range = range;
  for (auto& suggestion : pending.suggestions) {
    Suggestion converted{std::move(suggestion.message), std::nullopt};
    if (suggestion.replacement && range) converted.replacement = TextEdit{*range, std::move(*suggestion.replacement)};
    out.suggestions.push_back(std::move(converted));
  }
  return out;
}

bool before(const Diagnostic& a, const Diagnostic& b) {
  const auto key = [](const Diagnostic& d) {
    const Position start = d.range ? d.range->start : Position{};
    return std::make_tuple(start.line, start.column, std::cref(d.pointer), std::cref(d.rule),
                           std::cref(d.message));
  };
  return key(a) < key(b);
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.pointer == b.pointer && a.message == b.message && a.range == b.range;
}

}  // namespace

ResolvedDiagnostics resolve(std::vector<PendingDiagnostic> pending,
                            const std::vector<std::pair<std::string, Anchor>>& sensitive,
                            const std::optional<SourceText>& source) {
  ResolvedDiagnostics resolved;
  if (!source) {
    for (auto& item : pending) resolved.diagnostics.push_back(to_public(std::move(item), std::nullopt));
  } else {
    const source_map::LineIndex lines(source->text);
    std::optional<source_map::StructureIndex> structure;
    if (source->parsed) structure = source_map::StructureIndex::build(source->text);
    // Spans first, then positions in text order: the line index walks each line once.
    std::vector<std::optional<ByteSpan>> spans;
    for (const auto& item : pending) {
      std::optional<ByteSpan> span = item.byte_span;
      if (!span && structure) span = node_span(*structure, item.pointer, item.anchor);
      spans.push_back(span);
    }
    std::vector<std::size_t> order(pending.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return spans[a].value_or(ByteSpan{}).first < spans[b].value_or(ByteSpan{}).first;
    });
    for (std::size_t i : order) {
      std::optional<Range> range;
      if (spans[i]) range = lines.range(spans[i]->first, spans[i]->second);
      resolved.diagnostics.push_back(to_public(std::move(pending[i]), range));
    }
    if (structure && !source->mask_all_strings) {
      std::vector<ByteSpan> hidden;
      for (const auto& [pointer, anchor] : sensitive) {
        if (auto span = node_span(*structure, pointer, anchor)) hidden.push_back(*span);
      }
      std::sort(hidden.begin(), hidden.end());
      for (const auto& [begin, end] : hidden) resolved.redactions.push_back(lines.range(begin, end));
    } else {
      for (const auto& [begin, end] : source_map::string_spans(source->text)) {
        resolved.redactions.push_back(lines.range(begin, end));
      }
    }
  }
  std::stable_sort(resolved.diagnostics.begin(), resolved.diagnostics.end(), before);
  resolved.diagnostics.erase(
      std::unique(resolved.diagnostics.begin(), resolved.diagnostics.end(), same),
      resolved.diagnostics.end());
  return resolved;
}

}  // namespace appflow_lint
