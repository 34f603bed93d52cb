// The request schemas with their descriptions, for hovers and completions (generated
// source: cli/server/meson.build runs tools/embed_schemas.py --keep-annotations). The
// library embeds its own copy without them (schema_engine/schema_bundle.hpp).
#pragma once

#include <string_view>

namespace appflow_lint::server::editor_schema_bundle {

extern const std::string_view kUpdateConnectorProfileRequest;
extern const std::string_view kCreateConnectorProfileRequest;

}  // namespace appflow_lint::server::editor_schema_bundle
