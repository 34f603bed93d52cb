#include "appflow_lint/diagnostic.hpp"

namespace appflow_lint {

std::string_view to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::string_view to_string(Applicability applicability) noexcept {
  return applicability == Applicability::Safe ? "safe" : "unsafe";
}

}  // namespace appflow_lint
