// What the request schema (schemas/*.request.schema.json, generated from the service
// model) knows about a member, for rules that need more than the parsed request:
// which members exist in exact spelling, which are sensitive, and whether the schema
// layer already reported a value. Used by the arn, url, s3 and placeholder families.
// (A candidate for rules/, beside document.hpp; it lives here because rule authors
// own only their family folders.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/reporter.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint::rules::request_schema {

// The operation's request schema, parsed once (thread-safe).
const nlohmann::json& root(Operation operation);

// The subschema of the node at an RFC 6901 pointer, following exact member names;
// nullptr when the schema has no such member.
const nlohmann::json* at(Operation operation, std::string_view pointer);

// The subschema of member (or element) `token` below `parent`; with `ignore_case`, a
// declared member spelt with other capitals matches too ("salesforce" -> Salesforce).
const nlohmann::json* child(const nlohmann::json& parent, const std::string& token, bool ignore_case);

bool is_sensitive(const nlohmann::json& subschema);  // x-appflow-sensitive

// Every pointer the schema defines for `pattern`, a pointer in which a `*` token
// stands for any declared member ("/a/*/instanceUrl"). Maps (additionalProperties)
// do not expand. In schema order; computed by the caller once, not per document.
std::vector<std::string> expand(Operation operation, std::string_view pattern);

}  // namespace appflow_lint::rules::request_schema
