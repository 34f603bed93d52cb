// Credentials inside an otherwise shown string: the userinfo of a URL
// (https://user:secret@host) and the values of credential-like `name=value` pairs
// (?access_token=..., ;Password=... in a JDBC URL or a connection string).
#pragma once

#include <string_view>
#include <vector>

#include "appflow_lint/secrets/byte_span.hpp"

namespace appflow_lint::secrets {

// Appends the spans of `literal` (raw source text, starting at byte `base` of the
// document) that hold such credentials.
void add_url_credential_spans(std::string_view literal, std::size_t base, std::vector<ByteSpan>& out);

}  // namespace appflow_lint::secrets
