#include "sarif_options.hpp"

#include <iterator>

namespace appflow_lint::cli {

format::SarifOptions sarif_options(const std::vector<PlannedInput>& inputs) {
  format::SarifOptions options;
  if (inputs.empty()) return options;
  options.run_severities = inputs.front().severities;
  for (auto input = std::next(inputs.begin()); input != inputs.end(); ++input) {
    std::erase_if(options.run_severities, [&](const auto& entry) {
      const auto found = input->severities.find(entry.first);
      return found == input->severities.end() || found->second != entry.second;
    });
  }
  return options;
}

}  // namespace appflow_lint::cli
