// Factories of the sapodata family (one per rule file), and where its members live.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

namespace sapodata {
inline std::string property_pointer(std::string_view member) {
  return json_pointer::child(json_pointer::child(paths::kProperties, "SAPOData"), member);
}
inline std::string credential_pointer(std::string_view member) {
  return json_pointer::child(json_pointer::child(paths::kCredentials, "SAPOData"), member);
}
// The SAPOData properties / credentials objects, or nullptr.
inline const document::Node* properties(const document::Node& document) {
  return object_member(find(document, paths::kProperties), "SAPOData");
}
inline const document::Node* credentials(const document::Node& document) {
  return object_member(find(document, paths::kCredentials), "SAPOData");
}
}  // namespace sapodata

std::unique_ptr<RuleModule> make_sapodata_credentials();
std::unique_ptr<RuleModule> make_sapodata_port_scheme();

}  // namespace appflow_lint::rules
