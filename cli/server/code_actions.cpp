#include "server/code_actions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "server/lsp_diagnostics.hpp"

namespace appflow_lint::server {
namespace {

// A string member, or `fallback` when it is missing or not a string (the client's
// copy of a diagnostic may have been changed).
std::string text_of(const nlohmann::json& object, const char* key, std::string fallback = {}) {
  if (!object.is_object()) return fallback;
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// The suggestions of one diagnostic the client sent: from its `data`, or from the
// current lint when the client dropped `data`.
nlohmann::json suggestions_of(const nlohmann::json& diagnostic, const LintResult& current, const PositionMap& map) {
  const auto data = diagnostic.find("data");
  if (data != diagnostic.end() && data->is_object() && data->contains("suggestions") &&
      (*data)["suggestions"].is_array())
    return (*data)["suggestions"];
  const std::string rule = text_of(diagnostic, "code");
  for (const auto& candidate : current.diagnostics) {
    if (candidate.rule != rule || !candidate.range) continue;
    if (map.range_json(*candidate.range) != diagnostic.value("range", nlohmann::json())) continue;
    return to_lsp(candidate, map, kDefaultDocsBaseUrl)["data"]["suggestions"];
  }
  return nlohmann::json::array();
}

bool well_formed_edit(const nlohmann::json& edit) {
  return edit.is_object() && edit.contains("range") && edit["range"].is_object() && edit.contains("newText") &&
         edit["newText"].is_string();
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
    if (!diagnostic.is_object() || text_of(diagnostic, "source") != kSource) continue;
    bool first = true;
    for (const auto& suggestion : suggestions_of(diagnostic, current, map)) {
      if (!suggestion.is_object() || !well_formed_edit(suggestion.value("edit", nlohmann::json()))) continue;
      actions.push_back({{"title", text_of(suggestion, "message", "Apply the fix")},
                         {"kind", "quickfix"},
                         {"diagnostics", nlohmann::json::array({diagnostic})},
                         {"isPreferred", first},
                         {"edit", {{"changes", {{uri, nlohmann::json::array({suggestion["edit"]})}}}}}});
      first = false;
    }
    const std::string rule = text_of(diagnostic, "code");
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
  if (text == fixed) return nullptr;
  // The differing span, widened so that neither end splits a character or a "\r\n".
  const auto splits = [](std::string_view bytes, std::size_t at) {
    return at > 0 && at < bytes.size() && (is_continuation(bytes[at]) || (bytes[at] == '\n' && bytes[at - 1] == '\r'));
  };
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(text.size(), fixed.size());
  while (prefix < shorter && text[prefix] == fixed[prefix]) ++prefix;
  while (prefix > 0 && (splits(text, prefix) || splits(fixed, prefix))) --prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && text[text.size() - 1 - suffix] == fixed[fixed.size() - 1 - suffix]) ++suffix;
  while (suffix > 0 && (splits(text, text.size() - suffix) || splits(fixed, fixed.size() - suffix))) --suffix;
  const PositionMap map(text, encoding);
  const std::size_t end = text.size() - suffix;
  const nlohmann::json edit = {{"range", map.range_json(prefix, end)},
                               {"newText", std::string(fixed.substr(prefix, fixed.size() - suffix - prefix))}};
  return {{"title", "Fix all safe problems (appflow-lint)"},
          {"kind", kFixAllKind},
          {"edit", {{"changes", {{uri, nlohmann::json::array({edit})}}}}}};
}

}  // namespace appflow_lint::server
