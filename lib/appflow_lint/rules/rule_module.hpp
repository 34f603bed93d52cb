// A rule module: one subject (a connector family, or a shared concern such as ARNs
// or URLs) that reports one or more rules. Modules see the parsed request; the
// schema layer has already reported type faults, so a module skips members of
// the wrong type instead of reporting them again.
#pragma once

#include <initializer_list>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/lint.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::rules {

struct RuleContext {
  const nlohmann::json& document;
  Operation operation;
  // What a message may quote: ask it before echoing any value or key of the document.
  const secrets::SecretPolicy& secrets;
};

class RuleModule {
 public:
  virtual ~RuleModule() = default;
  // Every rule this module may report (drives --list-rules and the docs).
  virtual std::span<const RuleInfo* const> rules() const noexcept = 0;
  // Must not throw for any document; the pipeline still isolates a module that does.
  virtual void check(const RuleContext& context, Reporter& out) const = 0;
};

// The usual base: a module that names its rules once, in its constructor.
class BasicRuleModule : public RuleModule {
 public:
  explicit BasicRuleModule(std::initializer_list<const RuleInfo*> infos) : infos_(infos) {}
  std::span<const RuleInfo* const> rules() const noexcept override { return infos_; }

 private:
  std::vector<const RuleInfo*> infos_;
};

using ModuleList = std::vector<std::unique_ptr<RuleModule>>;

// All modules, in registry order (rules/registry.cpp).
const ModuleList& all_modules();

}  // namespace appflow_lint::rules
