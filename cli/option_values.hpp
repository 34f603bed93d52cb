// Option values checked in plain words: an option that takes one of a few names
// (--format, --color, --operation), and a whole number in a range (--max-warnings,
// --jobs). Their messages complete "--NAME ..." (see usage_errors.hpp).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "did_you_mean.hpp"

namespace appflow_lint::cli {

// The names a choice option accepts, as add_choice_option records them on the option;
// empty for any other option.
std::vector<std::string> choice_names(const CLI::Option& option);

// The decimal whole number `text` is, if it is one from `min` to `max` (no sign on 0 or
// more, no fraction, no exponent, no base prefix: CLI11 would read "010" as 8).
std::optional<long long> whole_number(const std::string& text, long long min, long long max);

// "must be a whole number from MIN to MAX".
std::string not_a_whole_number(long long min, long long max);

// An option that takes exactly one of `choices` by name and stores its value in
// `target`. Unlike CLI11's enum transformers it takes neither the values' numbers nor
// another spelling: a wrong value is told the names.
template <typename Value, typename Target>
CLI::Option* add_choice_option(CLI::App& app, const std::string& name, Target& target,
                               std::vector<std::pair<std::string, Value>> choices, const std::string& description) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  CLI::Option* option = app.add_option_function<std::string>(
      name,
      [&target, choices](const std::string& word) {
        for (const auto& [choice, value] : choices) {
          if (choice == word) target = value;
        }
      },
      description);
  std::string type_name;
  for (const auto& each : names) type_name += (type_name.empty() ? "" : "|") + each;
  option->type_name(type_name);
  option->check(CLI::Validator(
      [names](const std::string& word) {
        return std::find(names.begin(), names.end(), word) != names.end() ? std::string() : not_one_of(word, names);
      },
      "", "choice"));
  return option;
}

// An option that takes a whole number from `min` to `max` (see whole_number) and
// stores it in `target`, whose value is the default --help shows.
template <typename Integer>
CLI::Option* add_whole_number_option(CLI::App& app, const std::string& name, Integer& target, Integer min, Integer max,
                                     const std::string& description) {
  CLI::Option* option = app.add_option_function<std::string>(
      name,
      [&target, min, max](const std::string& text) {
        if (const auto number = whole_number(text, min, max)) target = static_cast<Integer>(*number);
      },
      description);
  option->type_name("N")->default_str(std::to_string(target));
  option->check(CLI::Validator(
      [min, max](const std::string& text) {
        return whole_number(text, min, max) ? std::string() : not_a_whole_number(min, max);
      },
      "", "whole number"));
  return option;
}

}  // namespace appflow_lint::cli
