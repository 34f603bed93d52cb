// Whether a JSON text can be a connector-profile request: what makes a JSON file found
// in a folder worth linting, and an open document one the language server checks.
#pragma once

#include <string_view>

namespace appflow_lint::cli {

// True when the top-level object has at least one member that either request shape
// (UpdateConnectorProfile, CreateConnectorProfile) declares, names compared without
// regard to case: a misspelt `ConnectorProfileConfig` is a request with a fault, not
// some other file. Text that does not parse (a syntax error, UTF-16) counts when such
// a name appears in it quoted, so that its fault is reported rather than skipped.
bool looks_like_request(std::string_view text);

// The language server's narrower test: a top-level `connectorProfileConfig` (exactly);
// mid-edit text that does not parse counts when it names that member.
bool looks_like_profile(std::string_view text);

}  // namespace appflow_lint::cli
