// idempotency.token-reused: its RuleInfo, for the catalog, and the exact way of
// fingerprinting a request, for the test that holds the fast way to it.
#pragma once

#include <string_view>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/run_checks.hpp"

namespace appflow_lint::rules {

extern const RuleInfo kTokenReused;

// fingerprint_request() through nlohmann's SAX parser, which it falls back to for
// texts the simdjson front end does not take; both give the same fingerprint.
RequestFingerprint fingerprint_request_exact(std::string_view text);

// fingerprint_request() of the text the text front end built `root` from.
RequestFingerprint fingerprint_tree(const document::Node& root, std::string_view text);

}  // namespace appflow_lint::rules
