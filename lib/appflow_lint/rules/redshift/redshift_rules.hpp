// Factories of the redshift family (one per rule file), and where its members live.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {

namespace redshift {
// /connectorProfileConfig/connectorProfileProperties/Redshift
inline std::string properties_pointer() { return json_pointer::child(paths::kProperties, "Redshift"); }
inline std::string property_pointer(std::string_view member) {
  return json_pointer::child(properties_pointer(), member);
}
// The Redshift properties object, or nullptr.
inline const document::Node* properties(const document::Node& document) {
  return object_member(find(document, paths::kProperties), "Redshift");
}
}  // namespace redshift

std::unique_ptr<RuleModule> make_redshift_serverless();
std::unique_ptr<RuleModule> make_redshift_data_api();
std::unique_ptr<RuleModule> make_redshift_database_url();

}  // namespace appflow_lint::rules
