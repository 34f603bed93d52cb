#include "usage_errors.hpp"

#include <cstdio>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "command_line.hpp"
#include "did_you_mean.hpp"
#include "option_values.hpp"

namespace appflow_lint::cli {
namespace {

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

std::string unexpected_argument(const CLI::App& app) {
  const std::vector<std::string> extras = app.remaining();
  for (const auto& argument : extras) {
    if (argument.size() > 1 && argument.front() == '-') {
      const std::string name = argument.substr(0, argument.find('='));
      const std::string suggestion = did_you_mean(name, option_names(app));
      return fmt::format("unknown option {}{}", name, suggestion.empty() ? " (see --help)" : suggestion);
    }
  }
  if (extras.empty()) return "unexpected argument (see --help)";
  return fmt::format("unexpected argument {} (see --help)", extras.front());
}

// The option a CLI11 message is about: CLI11 starts most of its messages with the
// option's name ("--format: ...", "--quiet was given ...").
const CLI::Option* option_named_in(const CLI::App& app, const std::string& message) {
  for (const CLI::Option* option : app.get_options()) {
    const std::string name = option->get_name();
    if (!name.empty() && message.size() > name.size() && message.compare(0, name.size(), name) == 0 &&
        (message[name.size()] == ':' || message[name.size()] == ' ')) {
      return option;
    }
  }
  return nullptr;
}

std::string needs_a_value(const CLI::Option& option) {
  const std::vector<std::string> names = choice_names(option);
  if (names.empty()) return fmt::format("{} needs a value (see --help)", option.get_name());
  return fmt::format("{} needs a value: one of {}", option.get_name(), fmt::join(names, ", "));
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  const std::string message = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) return unexpected_argument(app);
  const CLI::Option* option = option_named_in(app, message);
  if (option == nullptr) return first_line(message) + " (see --help)";
  const std::string name = option->get_name();
  if (option->get_type_size_max() == 0) return fmt::format("{} takes no value", name);
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    // Every check of this CLI words its message to follow the option's name.
    const std::size_t rest = message.find_first_not_of(": ", name.size());
    return fmt::format("{} {}", name, rest == std::string::npos ? "has a bad value" : message.substr(rest));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    if (option->count() == 0) return needs_a_value(*option);
    return fmt::format("{} is given more than once; give it once", name);
  }
  return first_line(message) + " (see --help)";
}

int usage_error(std::string_view message) {
  fmt::print(stderr, "appflow-lint: {}\n", printable(message));
  return kExitUsage;
}

int report_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  if (dynamic_cast<const CLI::Success*>(&error) != nullptr) return app.exit(error);
  return usage_error(describe_parse_error(app, error));
}

}  // namespace appflow_lint::cli
