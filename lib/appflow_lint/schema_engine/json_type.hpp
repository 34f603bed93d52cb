// JSON Schema's `type`, and whether a document node has it: one definition for the
// engine's verdict (engine/document_walk) and the keyword checks' messages, so they agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "appflow_lint/document/tree.hpp"

namespace appflow_lint::schema_engine {

enum class JsonType : std::uint8_t { Any, String, Object, Array, Boolean, Integer, Number, Null };

// The type a schema names ("string", "integer", ...), nullopt for any other name.
std::optional<JsonType> type_named(std::string_view name) noexcept;

// An integral float past 64 bits is an integer: its fault is its size, not its type.
bool has_type(const document::Node& node, JsonType type) noexcept;

}  // namespace appflow_lint::schema_engine
