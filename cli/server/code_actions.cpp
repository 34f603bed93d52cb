#include "server/code_actions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "server/json_members.hpp"
#include "server/lsp_diagnostics.hpp"
#include "server/text_edits.hpp"

namespace appflow_lint::server {
namespace {

// The suggestions of one diagnostic the client sent: from its `data`, or from the
// current lint when the client dropped `data`.
nlohmann::json suggestions_of(const nlohmann::json& diagnostic, const LintResult& current, const PositionMap& map) {
  const auto& given = member(member(diagnostic, "data"), "suggestions");
  if (given.is_array()) return given;
  const std::string rule = string_member(diagnostic, "code");
  for (const auto& candidate : current.diagnostics) {
    if (candidate.rule != rule || !candidate.range) continue;
    if (map.range_json(*candidate.range) != member(diagnostic, "range")) continue;
    return to_lsp(candidate, map, kDefaultDocsBaseUrl)["data"]["suggestions"];
  }
  return nlohmann::json::array();
}

bool well_formed_edit(const nlohmann::json& edit) {
  return member(edit, "range").is_object() && member(edit, "newText").is_string();
}

}  // namespace

bool kind_requested(const nlohmann::json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  return std::any_of(only.begin(), only.end(), [&](const nlohmann::json& entry) {
    if (!entry.is_string()) return false;
    const auto& wanted = entry.get_ref<const std::string&>();
    // Kinds are hierarchical: asking for "source" admits "source.fixAll.appflow-lint".
    return kind == wanted || (kind.starts_with(wanted) && kind.size() > wanted.size() && kind[wanted.size()] == '.');
  });
}

nlohmann::json quick_fixes(const std::string& uri, const nlohmann::json& context_diagnostics, const LintResult& current,
                           const PositionMap& map, bool can_disable) {
  nlohmann::json actions = nlohmann::json::array();
  if (!context_diagnostics.is_array()) return actions;
  std::vector<std::string> disable_offered;
  for (const auto& diagnostic : context_diagnostics) {
    if (!diagnostic.is_object() || string_member(diagnostic, "source") != kSource) continue;
    bool first = true;
    for (const auto& suggestion : suggestions_of(diagnostic, current, map)) {
      if (!well_formed_edit(member(suggestion, "edit"))) continue;
      actions.push_back({{"title", string_member(suggestion, "message", "Apply the fix")},
                         {"kind", "quickfix"},
                         {"diagnostics", nlohmann::json::array({diagnostic})},
                         {"isPreferred", first},
                         {"edit", {{"changes", {{uri, nlohmann::json::array({suggestion["edit"]})}}}}}});
      first = false;
    }
    const std::string rule = string_member(diagnostic, "code");
    if (!can_disable || rule.empty() ||
        std::find(disable_offered.begin(), disable_offered.end(), rule) != disable_offered.end())
      continue;
    disable_offered.push_back(rule);
    actions.push_back({{"title", fmt::format("Turn off {} for this file", rule)},
                       {"kind", "quickfix"},
                       {"diagnostics", nlohmann::json::array({diagnostic})},
                       {"command",
                        {{"title", fmt::format("Turn off {} for this file", rule)},
                         {"command", kDisableRuleCommand},
                         {"arguments", nlohmann::json::array({{{"uri", uri}, {"rule", rule}}})}}}});
  }
  return actions;
}

nlohmann::json fix_all(const std::string& uri, std::string_view text, std::string_view fixed,
                       PositionEncoding encoding) {
  const auto edits = minimal_edits(text, fixed);
  if (!edits || edits->empty()) return nullptr;
  const PositionMap map(text, encoding);
  nlohmann::json lsp_edits = nlohmann::json::array();
  for (const auto& edit : *edits)
    lsp_edits.push_back({{"range", map.range_json(edit.begin, edit.end)}, {"newText", edit.text}});
  return {{"title", "Fix all safe problems (appflow-lint)"},
          {"kind", kFixAllKind},
          {"edit", {{"changes", {{uri, std::move(lsp_edits)}}}}}};
}

}  // namespace appflow_lint::server
