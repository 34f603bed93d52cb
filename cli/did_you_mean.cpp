#include "did_you_mean.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/schema_engine/name_suggestions.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::cli {

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return std::nullopt;
  const auto starts_with_word = [word](const std::string& candidate) {
    return candidate.size() >= word.size() &&
           ascii::equal_ignoring_case(std::string_view(candidate).substr(0, word.size()), word);
  };
  const auto exact = [word](const std::string& candidate) { return ascii::equal_ignoring_case(candidate, word); };
  if (const auto same = std::find_if(candidates.begin(), candidates.end(), exact); same != candidates.end())
    return *same;
  if (std::count_if(candidates.begin(), candidates.end(), starts_with_word) == 1) {
    return *std::find_if(candidates.begin(), candidates.end(), starts_with_word);
  }
  const std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return schema_engine::closest_name(word, views);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> match = closest_match(word, candidates);
  return match ? fmt::format("; did you mean {}?", *match) : std::string();
}

std::string not_one_of(std::string_view value, const std::vector<std::string>& names) {
  return fmt::format("must be one of {}{}", fmt::join(names, ", "), did_you_mean(value, names));
}

}  // namespace appflow_lint::cli
