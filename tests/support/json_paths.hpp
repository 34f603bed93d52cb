// Every JSON Pointer of a value (its own first), for tests that mutate each node.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::testing {

inline void collect_pointers(const nlohmann::json& node, const std::string& pointer, std::vector<std::string>& out) {
  out.push_back(pointer);
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) collect_pointers(value, json_pointer::child(pointer, key), out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) collect_pointers(node[i], json_pointer::child(pointer, i), out);
  }
}

}  // namespace appflow_lint::testing
