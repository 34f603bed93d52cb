#include "appflow_lint/secrets/secret_policy.hpp"
#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/byte_set.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

// Words that make a free map key (a name the schema does not declare, such as an
// entry of profileProperties) count as a secret's name.
constexpr std::array<std::string_view, 10> kSecretWords{"password",   "passwd",     "secret",     "token",    "apikey",
                                                        "credential", "privatekey", "passphrase", "authcode", "jwt"};

constexpr auto kSecretWordStarts = text::ByteSet::first_bytes_of(kSecretWords);

// Whether normalized_name(name) contains one of the words, read off `name` itself:
// every free map key of every request comes here, and building the normalized string
// and searching it ten times cost more than the rest of its walk step.
bool contains_secret_word(std::string_view name) {
  for (std::size_t start = 0; start < name.size(); ++start) {
    const char first = ascii::lower(name[start]);
    if (!kSecretWordStarts.contains(first)) continue;  // never `_` or `-`
    for (std::string_view word : kSecretWords) {
      if (word.front() != first) continue;
      std::size_t matched = 0;
      for (std::size_t at = start; at < name.size() && matched < word.size(); ++at) {
        const char c = name[at];
        if (c == '_' || c == '-') continue;
        if (ascii::lower(c) != word[matched]) break;
        ++matched;
      }
      if (matched == word.size()) return true;
    }
  }
  return false;
}

// Every sensitive member name and every secret-keyed map name, in both directions of the
// tree; iterative, the schema is data.
void collect_secret_names(const schema_engine::SchemaNode& root, std::unordered_set<std::string>& out) {
  std::vector<const schema_engine::SchemaNode*> pending{&root};
  while (!pending.empty()) {
    const schema_engine::SchemaNode* schema = pending.back();
    pending.pop_back();
    for (const auto& property : schema->properties) {
      if (property.schema->sensitive || property.schema->keys_sensitive) out.insert(normalized_name(property.name));
      pending.push_back(property.schema);
    }
    for (const auto* child : {schema->additional, schema->items}) {
      if (child != nullptr) pending.push_back(child);
    }
  }
}

struct SecretsBelow {
  bool values = false;  // a sensitive member or map somewhere below
  bool keys = false;    // a map whose keys are secret somewhere below
  bool only = false;    // a container every container child of which is a secret or holds only secrets
};

// Marks `node` in `out` (by index) when it holds only secrets and has a secret-keyed
// map below (see holds_secret_keys_). Recursive: a generated schema nests a dozen
// levels at most.
SecretsBelow mark_secret_key_holders(const schema_engine::SchemaNode& node, std::vector<bool>& out) {
  SecretsBelow below;
  below.only = node.expects_container();
  const auto child = [&](const schema_engine::SchemaNode& schema) {
    const SecretsBelow inner = mark_secret_key_holders(schema, out);
    const bool secret = schema.sensitive || schema.keys_sensitive;
    below.values = below.values || secret || inner.values;
    below.keys = below.keys || schema.keys_sensitive || inner.keys;
    if (schema.expects_container() && !secret && !(inner.values && inner.only)) below.only = false;
  };
  for (const auto& property : node.properties) child(*property.schema);
  for (const auto* other : {node.additional, node.items}) {
    if (other != nullptr) child(*other);
  }
  if (out.size() <= node.index) out.resize(node.index + 1);
  out[node.index] = below.values && below.keys && below.only;
  return below;
}

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + (i < a.size() ? 1 : 0)) == b.substr(i + (i < b.size() ? 1 : 0));
  return a.substr(i) == b.substr(i + 1);
}

// Whether `name`, normalized, is one of `names` (normalized), or one typo away from
// one (acxessToken, pasword); short names are left out of the typo test, where one
// edit reaches ordinary words.
bool names_one_of(const std::unordered_set<std::string>& names, std::string_view name) {
  const std::string normalized = normalized_name(name);
  if (names.contains(normalized)) return true;
  if (normalized.size() < 5) return false;
  return std::any_of(names.begin(), names.end(),
                     [&normalized](const std::string& known) { return within_one_edit(normalized, known); });
}

}  // namespace

std::string normalized_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '_' || c == '-') continue;
    out.push_back(ascii::lower(c));
  }
  return out;
}

SecretPolicy::SecretPolicy(const schema_engine::CompiledSchema& schema) : root_(&schema.root_node()) {
  collect_secret_names(*root_, secret_names_);
  std::vector<const schema_engine::SchemaNode*> pending{root_};
  while (!pending.empty()) {
    const schema_engine::SchemaNode* node = pending.back();
    pending.pop_back();
    for (const auto& property : node->properties) {
      model_names_.insert(normalized_name(property.name));
      if (!property.schema->expects_container() && is_secret_name(property.name)) {
        if (secret_by_name_.size() <= property.schema->index) secret_by_name_.resize(property.schema->index + 1);
        secret_by_name_[property.schema->index] = property.schema;
      }
      pending.push_back(property.schema);
    }
    for (const auto* child : {node->additional, node->items}) {
      if (child != nullptr) pending.push_back(child);
    }
  }
  mark_secret_key_holders(*root_, holds_secret_keys_);
}

NodeExposure SecretPolicy::root() const noexcept { return NodeExposure{root_, Exposure::Shown, false}; }

bool SecretPolicy::is_secret_name(std::string_view name) const { return names_one_of(secret_names_, name); }

bool SecretPolicy::is_model_name(std::string_view name) const { return names_one_of(model_names_, name); }

NodeExposure SecretPolicy::unplaced(const NodeExposure& parent, std::string_view name) const {
  if (is_secret_name(name)) return NodeExposure{nullptr, Exposure::Secret, false};
  const bool among_secret_keys =
      parent.schema != nullptr ? holds_secret_keys(*parent.schema) : parent.among_secret_keys;
  // Deny by default: where a secret-keyed map belongs, a key that is no name of the model
  // (an entry of a misplaced credentialsMap, say) may be a secret itself. A misspelt
  // connector or member is still named, so the user can find it.
  if (among_secret_keys && !name.empty() && !is_model_name(name)) return NodeExposure{nullptr, Exposure::Secret, true};
  return NodeExposure{nullptr, Exposure::Hidden, false, among_secret_keys};
}

NodeExposure SecretPolicy::member(const NodeExposure& parent, std::string_view name) const {
  // Only a shown parent reads its schema's members (see below).
  const bool reads_schema = parent.value == Exposure::Shown && parent.schema != nullptr;
  return member(parent, name, reads_schema ? parent.schema->property(name) : nullptr);
}

NodeExposure SecretPolicy::member(const NodeExposure& parent, std::string_view name,
                                  const schema_engine::SchemaNode* declared) const {
  if (parent.value == Exposure::Secret) return NodeExposure{nullptr, Exposure::Secret, true};
  if (parent.value == Exposure::Hidden || parent.schema == nullptr) return unplaced(parent, name);
  const schema_engine::SchemaNode& schema = *parent.schema;
  if (schema.keys_sensitive) return NodeExposure{nullptr, Exposure::Secret, true};
  if (declared != nullptr) {
    const bool secret = declared->sensitive || secret_by_name(declared);
    return NodeExposure{declared, secret ? Exposure::Secret : Exposure::Shown, false};
  }
  if (const auto* entry = schema.additional) {
    // A free map key such as "db_password" holds a secret whatever the map's schema says.
    const bool secret = entry->sensitive || contains_secret_word(name);
    return NodeExposure{entry, secret ? Exposure::Secret : Exposure::Shown, false};
  }
  if (const auto* element = schema.items) {  // a numeric token into an array schema
    return NodeExposure{element, element->sensitive ? Exposure::Secret : Exposure::Shown, false};
  }
  return unplaced(parent, name);
}

NodeExposure SecretPolicy::element(const NodeExposure& parent) const {
  if (parent.value == Exposure::Secret) return NodeExposure{nullptr, Exposure::Secret, false};
  if (parent.value == Exposure::Hidden || parent.schema == nullptr) {
    return NodeExposure{nullptr, Exposure::Hidden, false, parent.among_secret_keys};
  }
  const schema_engine::SchemaNode* items = parent.schema->items;
  if (items == nullptr) return NodeExposure{nullptr, Exposure::Hidden, false, holds_secret_keys(*parent.schema)};
  return NodeExposure{items, items->sensitive ? Exposure::Secret : Exposure::Shown, false};
}

bool SecretPolicy::may_quote(const NodeExposure& node, bool structured, bool literal) const {
  if (structured) return false;
  if (literal) return node.value != Exposure::Secret;
  return node.shown() && node.schema != nullptr && !node.schema->expects_container();
}

bool SecretPolicy::may_quote(const NodeExposure& node, const json& value) const {
  return may_quote(node, value.is_structured(), value.is_boolean() || value.is_null());
}

bool SecretPolicy::may_quote(const NodeExposure& node, const document::Node& value) const {
  return may_quote(node, value.is_structured(), value.is_boolean() || value.is_null());
}

}  // namespace appflow_lint::secrets
