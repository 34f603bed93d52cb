#include "appflow_lint/schema_engine/name_suggestions.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::schema_engine {
namespace {

// Case-insensitive (ASCII: the model's names are ASCII) Levenshtein distance, in two
// rows the caller keeps for all candidates.
std::size_t edit_distance(std::string_view a, std::string_view b, std::vector<std::size_t>& previous,
                          std::vector<std::size_t>& current) {
  previous.resize(b.size() + 1);
  current.resize(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (ascii::lower(a[i - 1]) == ascii::lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates) {
  for (std::string_view candidate : candidates) {
    if (ascii::equal_ignoring_case(wrong, candidate)) return std::string(candidate);
  }
  const std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, wrong.size() / 3));
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  std::optional<std::string_view> best;
  std::vector<std::size_t> previous, current;
  for (std::string_view candidate : candidates) {
    // The distance is at least the difference in length: most candidates end here.
    const std::size_t longer = std::max(wrong.size(), candidate.size());
    if (longer - std::min(wrong.size(), candidate.size()) > allowed) continue;
    const std::size_t distance = edit_distance(wrong, candidate, previous, current);
    if (distance <= allowed && distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (!best) return std::nullopt;
  return std::string(*best);
}

}  // namespace appflow_lint::schema_engine
