#include "appflow_lint/schema_engine/name_suggestions.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace appflow_lint::schema_engine {
namespace {

char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

// Case-insensitive Levenshtein distance, two rows.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates) {
  for (std::string_view candidate : candidates) {
    if (equal_ignoring_case(wrong, candidate)) return std::string(candidate);
  }
  const std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, wrong.size() / 3));
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  std::optional<std::string> best;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(wrong, candidate);
    if (distance <= allowed && distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace appflow_lint::schema_engine
