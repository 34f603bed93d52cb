// Reading the members of a client's message, which may lack any of them or hold the
// wrong type: a missing or mistyped member reads as null (or the fallback), never a throw.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace appflow_lint::server {

// `object[key]`, or null when `object` is not an object or has no such member.
inline const nlohmann::json& member(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json null_value;
  if (!object.is_object()) return null_value;
  const auto found = object.find(key);
  return found == object.end() ? null_value : *found;
}

// `object[key]` when it is a string, else `fallback`.
inline std::string string_member(const nlohmann::json& object, std::string_view key, std::string fallback = {}) {
  const auto& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : fallback;
}

}  // namespace appflow_lint::server
