// Explaining a pattern mismatch in words, and the fix when it is certain.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <re2/re2.h>

namespace appflow_lint::schema_engine {

struct PatternFault {
  std::string explanation;                 // e.g. "(letters, digits and _/!@#+=.- only); found a space at character 3"
  std::optional<std::string> fixed_value;  // the value with offending characters replaced by '_'
};

// `aws_pattern` is the model's pattern, `anchored` its whole-string regex. For a
// sensitive value nothing of the value is quoted and no fix is offered.
PatternFault explain_pattern_fault(std::string_view aws_pattern, const re2::RE2& anchored, std::string_view value,
                                   bool sensitive);

}  // namespace appflow_lint::schema_engine
