// list_rules(): every RuleInfo the linter can report, sorted by id; the names of
// RuleInfo's enums.
#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/rules/idempotency/token_reuse.hpp"
#include "appflow_lint/rules/json_rules.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/schema_engine/keyword.hpp"

namespace appflow_lint {
namespace {

std::vector<RuleInfo> collect_rules() {
  std::vector<RuleInfo> all{rules::kJsonSyntax,   rules::kJsonDuplicateKey,   rules::kJsonTooDeep,
                            rules::kJsonTooLarge, rules::kTooManyDiagnostics, rules::kTokenReused};
  for (std::size_t i = 0; i < static_cast<std::size_t>(schema_engine::Keyword::Count); ++i) {
    all.push_back(schema_engine::rule_for(static_cast<schema_engine::Keyword>(i)));
  }
  for (const auto& module : rules::all_modules()) {
    for (const RuleInfo* rule : module->rules()) all.push_back(*rule);
  }
  std::sort(all.begin(), all.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return all;
}

// Names in enumerator order (rule_info.hpp); "" for a value outside the enum.
constexpr std::array<std::string_view, 5> kCategoryNames{"correctness", "security", "suspicious", "redundant", "limit"};
constexpr std::array<std::string_view, 3> kFixNames{"none", "sometimes", "always"};

template <typename Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view();
}

const std::vector<RuleInfo>& catalog() {
  static const std::vector<RuleInfo> rules = collect_rules();
  return rules;
}

}  // namespace

ArrayView<const RuleInfo> list_rules() noexcept { return catalog(); }

std::string_view to_string(RuleCategory category) noexcept { return name_of(category, kCategoryNames); }

std::string_view to_string(FixAvailability fix) noexcept { return name_of(fix, kFixNames); }

const RuleInfo* find_rule(std::string_view id) noexcept {
  const auto& rules = catalog();
  auto found = std::lower_bound(rules.begin(), rules.end(), id,
                                [](const RuleInfo& rule, std::string_view wanted) { return rule.id < wanted; });
  return found != rules.end() && found->id == id ? &*found : nullptr;
}

}  // namespace appflow_lint
