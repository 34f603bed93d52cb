// Explaining a pattern mismatch in words, and the fix when it is certain.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "appflow_lint/schema_engine/string_matcher.hpp"

namespace appflow_lint::schema_engine {

struct PatternFault {
  std::string explanation;                 // e.g. "(letters, digits and _/!@#+=.- only); found a space at character 3"
  std::optional<std::string> fixed_value;  // the value with offending characters replaced by '_'
};

// `aws_pattern` is the model's pattern, `matcher` its whole-string matcher. For a
// sensitive value nothing of the value is quoted and no fix is offered.
PatternFault explain_pattern_fault(std::string_view aws_pattern, const StringMatcher& matcher, std::string_view value,
                                   bool sensitive);

}  // namespace appflow_lint::schema_engine
