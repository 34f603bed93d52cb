// The JSON Schemas in schemas/, compiled into the library (generated source).
#pragma once

#include <string_view>

namespace appflow_lint::schema_bundle {

extern const std::string_view kUpdateConnectorProfileRequest;
extern const std::string_view kCreateConnectorProfileRequest;
extern const std::string_view kUpdateConnectorProfileResponse;

}  // namespace appflow_lint::schema_bundle
