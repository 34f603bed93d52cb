// One walk of a document for all that output must not show of it. A faulty request
// needs both answers (its messages are scrubbed, its excerpts masked), and walking it
// once for each was a tenth of what such a request cost.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/secrets/byte_span.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::secrets {

struct SecretsFound {
  // What secret_strings() returns: every string at or below a secret node (values and
  // hidden keys) of four bytes or more, as written and JSON-escaped, longest first.
  std::vector<std::string> strings;
  // What parsed_redactions() returns: the spans of the text to mask, sorted and merged.
  std::vector<ByteSpan> spans;
};

struct SecretsWanted {
  bool strings = false;
  // The text the document was parsed from, with offsets, when its spans are wanted.
  std::optional<std::string_view> text;
};

SecretsFound find_secrets(const SecretPolicy& policy, const document::Node& document, const SecretsWanted& wanted);

}  // namespace appflow_lint::secrets
