// Factories of the customconnector family (one per rule file), and where its members live.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

namespace customconnector {
inline std::string property_pointer(std::string_view member) {
  return json_pointer::child(json_pointer::child(paths::kProperties, "CustomConnector"), member);
}
inline std::string credential_pointer(std::string_view member) {
  return json_pointer::child(json_pointer::child(paths::kCredentials, "CustomConnector"), member);
}
// The CustomConnector properties / credentials objects, or nullptr.
inline const document::Node* properties(const document::Node& document) {
  return object_member(find(document, paths::kProperties), "CustomConnector");
}
inline const document::Node* credentials(const document::Node& document) {
  return object_member(find(document, paths::kCredentials), "CustomConnector");
}
}  // namespace customconnector

std::unique_ptr<RuleModule> make_customconnector_auth_blocks();
std::unique_ptr<RuleModule> make_customconnector_oauth2();

}  // namespace appflow_lint::rules
