// "Did you mean ...?" for member names and enum values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::schema_engine {

// The candidate equal to `wrong` ignoring ASCII case, else the nearest by edit
// distance when it is close enough to be a typo (at most a third of the length,
// and at most 3 edits), else nothing.
std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates);

}  // namespace appflow_lint::schema_engine
