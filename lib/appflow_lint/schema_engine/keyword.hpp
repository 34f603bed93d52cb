// The JSON Schema keywords the generated schemas use, and their rule ids.
#pragma once

#include <cstdint>

#include "appflow_lint/rule_info.hpp"

namespace appflow_lint::schema_engine {

enum class Keyword : std::uint8_t {
  Required,
  UnknownProperty,  // additionalProperties: false
  Type,
  MinLength,
  MaxLength,
  Pattern,
  Enum,
  Minimum,
  Maximum,
  MinProperties,
  MaxProperties,
  PropertyName,  // propertyNames
  Count,         // not a keyword: the number of keywords
};

const RuleInfo& rule_for(Keyword keyword) noexcept;

}  // namespace appflow_lint::schema_engine
