// The member names a request schema declares at its root, read without compiling the
// schema: all the linter needs of the other operation's schema is whether an unknown
// root member belongs to it ("clientToken is a member of CreateConnectorProfile").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::schema_engine {

// Sorted. Throws std::runtime_error when the schema text is broken (a build defect).
std::vector<std::string> root_member_names(std::string_view schema_text);

}  // namespace appflow_lint::schema_engine
