// Where a document's text must be masked before any of it is quoted: byte spans,
// sorted and disjoint.
#pragma once

#include <string_view>
#include <vector>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/secrets/byte_span.hpp"
#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::secrets {

// For a document parsed from `text`, with offsets: every value (or subtree) the policy
// does not let through, every hidden key, and the credentials inside shown strings
// (URL userinfo, token=...).
std::vector<ByteSpan> parsed_redactions(const SecretPolicy& policy, const document::Node& document,
                                        std::string_view text);

// For text whose structure cannot be trusted (a syntax error; repeated keys, whose
// earlier values the parsed value no longer holds): every string literal (double- or
// single-quoted, keys included; an unterminated one runs to the end of its line) and
// every bare word or number, except true, false and null. Only JSON's punctuation and
// whitespace stay visible. Past `max_spans` masks the whole text is one: a hostile
// document (millions of tokens) costs no more than its text.
std::vector<ByteSpan> unparsed_redactions(std::string_view text, std::size_t max_spans);

// `spans` sorted, with empty ones dropped and overlapping or touching ones merged.
std::vector<ByteSpan> merged_spans(std::vector<ByteSpan> spans);

}  // namespace appflow_lint::secrets
