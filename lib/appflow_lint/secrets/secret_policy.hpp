// The one decision about what output may echo: for every node of a request, whether
// its value may be quoted and whether its key may be named. Deny by default: a value
// is shown only where the schema knows the location, does not mark it sensitive, and
// its member name does not look like a secret. Excerpts, messages, suggestions and
// pointers all ask this policy, never the schema's sensitive flag directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/schema_engine/compiled_schema.hpp"

namespace appflow_lint::secrets {

enum class Exposure : std::uint8_t {
  Shown,   // a known, non-sensitive location: its value may be quoted
  Hidden,  // outside the schema (an unknown member and all below it): the value is never
           // quoted, but members below may still be named (a misspelt `salesforce`)
  Secret,  // a secret, or inside one: neither values nor keys below it are ever echoed
};

struct NodeExposure {
  const schema_engine::SchemaNode* schema = nullptr;  // the node's subschema; nullptr outside the schema
  Exposure value = Exposure::Shown;
  bool key_hidden = false;  // the member's own key is a secret (an entry of credentialsMap)
  // A hidden node below one that holds only secrets, a secret-keyed map among them
  // (connectorProfileCredentials): an unknown key here is named only when it is a name
  // the model has.
  bool among_secret_keys = false;

  bool shown() const noexcept { return value == Exposure::Shown; }
};

class SecretPolicy {
 public:
  // `schema` is a compiled request schema; it must outlive the policy.
  explicit SecretPolicy(const schema_engine::CompiledSchema& schema);

  NodeExposure root() const noexcept;
  NodeExposure member(const NodeExposure& parent, std::string_view name) const;
  // The same, given `declared` = parent.schema->property(name) when parent.schema is
  // set (the walk has looked it up already for its own use).
  NodeExposure member(const NodeExposure& parent, std::string_view name,
                      const schema_engine::SchemaNode* declared) const;
  NodeExposure element(const NodeExposure& parent) const;

  // Whether `value`, found at `node`, may be quoted in output: true/false/null always
  // (outside secrets), other scalars only at a shown node whose schema expects a
  // scalar (a string where credentialsMap's object belongs is masked).
  bool may_quote(const NodeExposure& node, const nlohmann::json& value) const;
  bool may_quote(const NodeExposure& node, const document::Node& value) const;

  // Whether `name` is, ignoring case, `_` and `-`, and up to one typo (in names of five
  // characters or more), the name of a member the model marks sensitive (or of a map
  // whose keys are secret).
  bool is_secret_name(std::string_view name) const;

 private:
  bool may_quote(const NodeExposure& node, bool structured, bool literal) const;
  // The exposure of a member or element the schema cannot place, below `parent`.
  NodeExposure unplaced(const NodeExposure& parent, std::string_view name) const;
  // Whether `name` is, as is_secret_name() compares, any member name of the schema.
  bool is_model_name(std::string_view name) const;
  bool holds_secret_keys(const schema_engine::SchemaNode& node) const noexcept {
    return node.index < holds_secret_keys_.size() && holds_secret_keys_[node.index];
  }

  const schema_engine::SchemaNode* root_;
  std::unordered_set<std::string> secret_names_;  // normalised
  std::unordered_set<std::string> model_names_;   // normalised
  // By SchemaNode::index: a container that holds only secrets (every container child is
  // a secret or holds only secrets), a map with secret keys among them; that is,
  // connectorProfileCredentials, CustomConnector's and its `custom` object, not the
  // request and not Salesforce's credentials.
  std::vector<bool> holds_secret_keys_;
  // Declared scalar members whose own name is a secret's, by SchemaNode::index (the node
  // itself, so that a node of another schema with the same index never matches).
  std::vector<const schema_engine::SchemaNode*> secret_by_name_;
  bool secret_by_name(const schema_engine::SchemaNode* node) const noexcept {
    return node->index < secret_by_name_.size() && secret_by_name_[node->index] == node;
  }
};

// `name` lower-cased, without `_` and `-`: "Client_Secret" -> "clientsecret".
std::string normalized_name(std::string_view name);

}  // namespace appflow_lint::secrets
