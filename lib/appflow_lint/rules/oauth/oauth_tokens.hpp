// Where each configured OAuth connector keeps its tokens, and which grant AppFlow runs
// for it: the connector table's columns, read against one request. Shared by the
// rules that ask whether a profile can authenticate (oauth/no_usable_credentials.cpp,
// oauth/access_token_without_refresh.cpp) and by oauth/oauth_request.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "appflow_lint/document/tree.hpp"
#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules::oauth {

struct TokenHolder {
  const connectors::ConnectorRow& row;
  const document::Node& holder;  // the object that carries accessToken, refreshToken, oAuthRequest
  std::string_view nested;       // its member under the connector's credentials; empty for those
  // The grant AppFlow runs ("AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "JWT_BEARER");
  // empty when the request does not say (a missing or mistyped oAuth2GrantType,
  // which other rules report).
  std::string_view grant;

  // The holder's JSON pointer: written only for a holder that is reported.
  std::string pointer() const { return connectors::credential_pointer(row.member, nested); }
};

// The object under one connector's credentials that carries its tokens and
// oAuthRequest (the table's oauth_request_holder column), or nullptr: where the row has
// none, or the request does not give it.
const document::Node* holder_in(const connectors::ConnectorRow& row, const document::Node& credentials);

// The token holder of one connector's credentials, if its row has one and it is there.
std::optional<TokenHolder> token_holder(const RuleContext& context, const connectors::ConnectorRow& row,
                                        const document::Node& credentials);

// Calls `visit` with every token holder the request's credentials carry, in
// connector-table order (a callback, so a clean request builds no list).
template <typename Visit>
void for_each_token_holder(const RuleContext& context, Visit&& visit) {
  for (const auto& [row, credentials] : context.connectors.credentials) {
    if (const auto holder = token_holder(context, *row, *credentials)) visit(*holder);
  }
}

// The holder has something to authenticate with under the authorization code grant:
// an accessToken, a refreshToken, or an oAuthRequest.authCode to exchange for them.
bool carries_tokens_or_code(const document::Node& holder);

}  // namespace appflow_lint::rules::oauth
