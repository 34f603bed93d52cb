#include "option_values.hpp"

#include <charconv>

#include <fmt/format.h>

namespace appflow_lint::cli {

std::vector<std::string> choice_names(const CLI::Option& option) {
  // add_choice_option writes the names as the type name ("text|json|...", as --help shows it).
  const std::string type_name = option.get_type_name();
  std::vector<std::string> names;
  if (type_name.find('|') == std::string::npos) return names;
  for (std::size_t start = 0, bar = 0; bar != std::string::npos; start = bar + 1) {
    bar = type_name.find('|', start);
    names.push_back(type_name.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
  }
  return names;
}

std::optional<long long> whole_number(const std::string& text, long long min, long long max) {
  long long number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, number);
  if (text.empty() || error != std::errc() || stop != end || number < min || number > max) return std::nullopt;
  return number;
}

std::string not_a_whole_number(long long min, long long max) {
  return fmt::format("must be a whole number from {} to {}", min, max);
}

}  // namespace appflow_lint::cli
