// A rule module: one subject (a connector family, or a shared concern such as ARNs
// or URLs) that reports one or more rules. Modules subscribe to the engine's single
// walk (engine/document_walk.hpp):
//   - node_paths(): member paths in the request schema, `*` standing for any declared
//     member ("connectorProfileConfig/connectorProfileProperties/*/instanceUrl");
//     visit() then gets each such node present in the request;
//   - visits_strings(): visit() gets every string value, under any member;
//   - check(): once per request after the walk, for checks across members; with
//     check_connector(), only for requests that name that connector.
// The schema layer has already reported type faults and marked the node
// (Node::schema_faulted), so a module skips such values instead of restating them.
#pragma once

#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/lint.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/rules/connectors/configured_connector.hpp"
#include "appflow_lint/rules/node_facts.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::engine {
class Path;
}

namespace appflow_lint::rules {

struct RuleContext {
  const document::Node& document;
  Operation operation;
  // What a message may quote: ask it before echoing any value or key of the document.
  const secrets::SecretPolicy& secrets;
  // connectorProfileConfig's two maps, looked up once (nullptr when absent or not objects).
  const document::Node* properties = nullptr;
  const document::Node* credentials = nullptr;
  // The connectors those two maps name, matched once per request.
  const connectors::RequestConnectors& connectors;
};

// One node of the walk, as a subscribed module sees it.
struct NodeVisit {
  const document::Node& node;
  const secrets::NodeExposure& exposure;
  const engine::Path& path;
  std::string_view member;  // the node's member name; empty for an element or the root
  const NodeFacts& facts;   // shared by every module that visits this node
  std::string pointer() const;
};

class RuleModule {
 public:
  virtual ~RuleModule() = default;
  // Every rule this module may report (drives --list-rules and the docs).
  virtual std::span<const RuleInfo* const> rules() const noexcept = 0;

  virtual std::vector<std::string> node_paths() const { return {}; }
  virtual bool visits_strings() const noexcept { return false; }
  // Must not throw for any document; the pipeline still isolates a module that does.
  virtual void visit(const RuleContext&, const NodeVisit&, Reporter&) const {}
  virtual void check(const RuleContext&, Reporter&) const {}
  // The connector member (spelt as in the connector table) that check() reads under
  // connectorProfileProperties or connectorProfileCredentials, and nothing else: a
  // request whose maps have no member of that name skips check(). Empty: every request.
  // Asked once, when a Linter is built: the view must live as long as the module.
  virtual std::string_view check_connector() const noexcept { return {}; }
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
