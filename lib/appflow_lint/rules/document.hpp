// Reading a request safely in rule modules: every accessor returns nullptr when
// the member is absent or has another type (the schema layer reports that).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"

namespace appflow_lint::rules {

namespace paths {
inline constexpr std::string_view kConfig = "/connectorProfileConfig";
inline constexpr std::string_view kProperties = "/connectorProfileConfig/connectorProfileProperties";
inline constexpr std::string_view kCredentials = "/connectorProfileConfig/connectorProfileCredentials";
}  // namespace paths

// The node at an RFC 6901 pointer, or nullptr.
const nlohmann::json* find(const nlohmann::json& document, std::string_view pointer);

const nlohmann::json* member(const nlohmann::json* object, std::string_view name);
const nlohmann::json* object_member(const nlohmann::json* object, std::string_view name);
const std::string* string_member(const nlohmann::json* object, std::string_view name);
// nullptr-safe: false when absent or not a boolean.
bool bool_member_is(const nlohmann::json* object, std::string_view name, bool wanted);

// Whether the schema layer already reported the value at `pointer` (type, pattern,
// length, enum ...). Relies on the pipeline order (lint.cpp): schema validation runs
// before the rule modules. A rule that would only restate that fault skips the value.
bool schema_reported(const Reporter& out, std::string_view pointer);

}  // namespace appflow_lint::rules
