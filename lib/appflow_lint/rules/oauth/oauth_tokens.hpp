// Where each configured OAuth connector keeps its tokens, and which grant AppFlow runs
// for it: the connector table's columns, read against one request. Shared by the
// rules that ask whether a profile can authenticate (oauth/usable_credentials.cpp,
// salesforce/grant_type.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules::oauth {

struct TokenHolder {
  const connectors::ConnectorRow& row;
  const document::Node& holder;  // the object that carries accessToken, refreshToken, oAuthRequest
  std::string pointer;           // its JSON pointer
  // The grant AppFlow runs ("AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "JWT_BEARER");
  // empty when the request does not say (a missing or mistyped oAuth2GrantType,
  // which other rules report).
  std::string_view grant;
};

// Every token holder the request's credentials carry, in connector-table order.
std::vector<TokenHolder> token_holders(const RuleContext& context);

// The holder has something to authenticate with under the authorization code grant:
// an accessToken, a refreshToken, or an oAuthRequest.authCode to exchange for them.
bool carries_tokens_or_code(const document::Node& holder);

}  // namespace appflow_lint::rules::oauth
