// Reading a request safely in rule modules: every accessor returns nullptr (or
// nullopt) when the member is absent or has another type (the schema layer reports that).
#pragma once

#include <optional>
#include <string_view>

#include "appflow_lint/document/tree.hpp"

namespace appflow_lint::rules {

namespace paths {
inline constexpr std::string_view kConfig = "/connectorProfileConfig";
inline constexpr std::string_view kProperties = "/connectorProfileConfig/connectorProfileProperties";
inline constexpr std::string_view kCredentials = "/connectorProfileConfig/connectorProfileCredentials";
}  // namespace paths

// The node at an RFC 6901 pointer, or nullptr.
inline const document::Node* find(const document::Node& document, std::string_view pointer) {
  return document::find_pointer(document, pointer);
}

const document::Node* member(const document::Node* object, std::string_view name);
const document::Node* object_member(const document::Node* object, std::string_view name);
std::optional<std::string_view> string_member(const document::Node* object, std::string_view name);
// nullptr-safe: false when absent or not a boolean.
bool bool_member_is(const document::Node* object, std::string_view name, bool wanted);

// Whether the schema layer already reported this value (type, pattern, length, enum
// ...): the walk marks it before any module's check() runs. A rule that would only
// restate that fault skips the value.
inline bool schema_reported(const document::Node* node) { return node != nullptr && node->schema_faulted(); }

// The string value is another rule's to report: the schema layer rejected it, or it is
// a placeholder (value.placeholder's; `sensitive` as for placeholder::find_placeholder).
// A rule about a value's form skips it, so that one fault gets one diagnostic.
bool left_to_others(const document::Node* node, bool sensitive);

}  // namespace appflow_lint::rules
