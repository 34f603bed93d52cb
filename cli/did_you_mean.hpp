// "Did you mean ...?" for usage errors: the known word (an option, an option's value,
// a rule id) that a mistyped one most likely meant.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::cli {

// The candidate `word` most likely meant, or nothing when none is close: the same word
// in another case, else the only candidate that starts with it (case aside: "update"
// for UpdateConnectorProfile), else the nearest by edit distance if it is close enough
// to be a typo (the library's rule for member names).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean X?" for the closest match, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "must be one of a, b, c; did you mean b?" for a value that is none of `names`.
std::string not_one_of(std::string_view value, const std::vector<std::string>& names);

}  // namespace appflow_lint::cli
