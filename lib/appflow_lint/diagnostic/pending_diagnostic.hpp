// A diagnostic as rules report it: anchored to a node by JSON Pointer. Source
// ranges are resolved afterwards, in one place (diagnostic/resolve.cpp), and only
// for documents that have diagnostics, so clean documents never build a position index.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint {

// Which part of the node at `pointer` the range covers.
enum class Anchor : std::uint8_t {
  Value,  // the value: a value's own fault
  Key,    // the member's key: an unknown, misplaced or badly named member
};

// What a suggestion's replacement replaces.
enum class EditTarget : std::uint8_t {
  DiagnosticRange,  // the diagnostic's own range
  WholeMember,      // the member at the pointer, with one comma beside it: a removal
};

struct PendingSuggestion {
  std::string message;
  std::optional<std::string> replacement;  // new text for the target
  Applicability applicability = Applicability::Unsafe;
  EditTarget target = EditTarget::DiagnosticRange;
  // WholeMember: the bytes it replaces, found when the diagnostics are resolved.
  std::optional<std::pair<std::size_t, std::size_t>> edit_span{};
};

struct PendingDiagnostic {
  const RuleInfo* rule = nullptr;
  std::string pointer;
  Anchor anchor = Anchor::Value;
  std::optional<std::pair<std::size_t, std::size_t>> byte_span;  // overrides the pointer's span
  std::string message;
  std::vector<PendingSuggestion> suggestions;

  PendingDiagnostic& suggest(std::string suggestion_message, std::optional<std::string> replacement = std::nullopt,
                             Applicability applicability = Applicability::Unsafe) {
    suggestions.push_back({std::move(suggestion_message), std::move(replacement), applicability});
    return *this;
  }
  // Removing the member at `pointer` (its key, value and one separating comma).
  PendingDiagnostic& suggest_removal(std::string suggestion_message, Applicability applicability) {
    suggestions.push_back({std::move(suggestion_message), std::string(), applicability, EditTarget::WholeMember});
    return *this;
  }
};

}  // namespace appflow_lint
