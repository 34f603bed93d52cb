#include "appflow_lint/secrets/secret_policy.hpp"

#include <array>
#include <utility>
#include <cctype>
#include <vector>

#include "appflow_lint/schema_engine/compiled_schema.hpp"
#include "appflow_lint/schema_engine/keyword_checks.hpp"

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

// Words that make a free map key (a name the schema does not declare, such as an
// entry of profileProperties) count as a secret's name.
constexpr std::array<std::string_view, 10> kSecretWords{"password", "passwd", "secret", "token",  "apikey",
                                                        "credential", "privatekey", "passphrase", "authcode",
                                                        "jwt"};

bool keys_are_sensitive(const json& schema) {
  auto keys = schema.find("propertyNames");
  return keys != schema.end() && schema_engine::is_sensitive(*keys);
}

bool declares(const json& schema, std::string_view name) {
  auto properties = schema.find("properties");
  return properties != schema.end() && properties->is_object() && properties->contains(name);
}

bool expects_container(const json& schema) {
  auto type = schema.find("type");
  if (type == schema.end() || !type->is_string()) return false;
  const auto& name = type->get_ref<const std::string&>();
  return name == "object" || name == "array";
}

bool contains_secret_word(const std::string& normalized) {
  for (std::string_view word : kSecretWords) {
    if (normalized.find(word) != std::string::npos) return true;
  }
  return false;
}

// Every sensitive member name and every secret-keyed map name, in both directions of the
// tree; iterative, the schema is data.
void collect_secret_names(const json& root, std::unordered_set<std::string>& out) {
  std::vector<const json*> pending{&root};
  while (!pending.empty()) {
    const json* schema = pending.back();
    pending.pop_back();
    if (!schema->is_object()) continue;
    if (auto properties = schema->find("properties"); properties != schema->end() && properties->is_object()) {
      for (const auto& [name, child] : properties->items()) {
        if (schema_engine::is_sensitive(child) || (child.is_object() && keys_are_sensitive(child))) {
          out.insert(normalized_name(name));
        }
        pending.push_back(&child);
      }
    }
    for (const char* keyword : {"additionalProperties", "items"}) {
      if (auto child = schema->find(keyword); child != schema->end()) pending.push_back(&*child);
    }
  }
}

// Whether `a` becomes `b` by at most one inserted, deleted or replaced character.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + (i < a.size() ? 1 : 0)) == b.substr(i + (i < b.size() ? 1 : 0));
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

std::string normalized_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '_' || c == '-') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

SecretPolicy::SecretPolicy(const json& schema_root) : root_(&schema_root) {
  collect_secret_names(schema_root, secret_names_);
}

NodeExposure SecretPolicy::root() const noexcept { return NodeExposure{root_, Exposure::Shown, false}; }

bool SecretPolicy::is_secret_name(std::string_view name) const {
  const std::string normalized = normalized_name(name);
  if (secret_names_.contains(normalized)) return true;
  // One typo away from a secret's name (acxessToken, pasword) is a secret too; short
  // names are left out, where one edit reaches ordinary words.
  if (normalized.size() < 5) return false;
  for (const auto& secret : secret_names_) {
    if (within_one_edit(normalized, secret)) return true;
  }
  return false;
}

NodeExposure SecretPolicy::member(const NodeExposure& parent, std::string_view name) const {
  if (parent.value == Exposure::Secret) return NodeExposure{nullptr, Exposure::Secret, true};
  if (parent.value == Exposure::Hidden || parent.schema == nullptr) {
    return NodeExposure{nullptr, is_secret_name(name) ? Exposure::Secret : Exposure::Hidden, false};
  }
  const json& schema = *parent.schema;
  if (schema.is_object() && keys_are_sensitive(schema)) return NodeExposure{nullptr, Exposure::Secret, true};
  const json* child = schema_engine::child_schema(schema, std::string(name));
  if (child == nullptr) {
    return NodeExposure{nullptr, is_secret_name(name) ? Exposure::Secret : Exposure::Hidden, false};
  }
  if (schema_engine::is_sensitive(*child)) return NodeExposure{child, Exposure::Secret, false};
  if (declares(schema, name)) {
    // A declared object (CustomConnector's apiKey block) keeps its members' own verdicts.
    if (!expects_container(*child) && is_secret_name(name)) return NodeExposure{child, Exposure::Secret, false};
  } else if (contains_secret_word(normalized_name(name))) {  // a free map key such as "db_password"
    return NodeExposure{child, Exposure::Secret, false};
  }
  return NodeExposure{child, Exposure::Shown, false};
}

NodeExposure SecretPolicy::element(const NodeExposure& parent) const {
  if (parent.value != Exposure::Shown || parent.schema == nullptr) {
    return NodeExposure{nullptr, parent.value == Exposure::Secret ? Exposure::Secret : Exposure::Hidden, false};
  }
  auto items = parent.schema->find("items");
  if (items == parent.schema->end()) return NodeExposure{nullptr, Exposure::Hidden, false};
  if (schema_engine::is_sensitive(*items)) return NodeExposure{&*items, Exposure::Secret, false};
  return NodeExposure{&*items, Exposure::Shown, false};
}

bool SecretPolicy::may_quote(const NodeExposure& node, const json& value) const {
  if (value.is_structured()) return false;
  if (value.is_boolean() || value.is_null()) return node.value != Exposure::Secret;
  return node.shown() && node.schema != nullptr && !expects_container(*node.schema);
}

}  // namespace appflow_lint::secrets
