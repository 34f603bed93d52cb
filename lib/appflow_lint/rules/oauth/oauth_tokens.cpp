#include "appflow_lint/rules/oauth/oauth_tokens.hpp"

#include "appflow_lint/rules/document.hpp"

namespace appflow_lint::rules::oauth {
namespace {

constexpr std::string_view kAuthorizationCode = "AUTHORIZATION_CODE";

std::string_view grant_of(const connectors::ConnectorRow& row, const RuleContext& context,
                          const document::Node& credentials) {
  using connectors::OAuthGrant;
  switch (row.oauth_grant) {
    case OAuthGrant::AuthorizationCode:
      return kAuthorizationCode;
    case OAuthGrant::ClientCredentials:
      return "CLIENT_CREDENTIALS";
    case OAuthGrant::CredentialsGrantType: {
      if (const auto grant = string_member(&credentials, "oAuth2GrantType")) return *grant;
      return member(&credentials, "oAuth2GrantType") == nullptr ? kAuthorizationCode : std::string_view{};
    }
    case OAuthGrant::PropertiesGrantType: {
      const document::Node* properties = object_member(context.properties, row.member);
      return string_member(object_member(properties, "oAuth2Properties"), "oAuth2GrantType").value_or("");
    }
    case OAuthGrant::None:
      break;
  }
  return {};
}

}  // namespace

const document::Node* holder_in(const connectors::ConnectorRow& row, const document::Node& credentials) {
  if (!row.oauth_request_holder) return nullptr;
  const std::string_view nested = *row.oauth_request_holder;
  return nested.empty() ? &credentials : object_member(&credentials, nested);
}

std::optional<TokenHolder> token_holder(const RuleContext& context, const connectors::ConnectorRow& row,
                                        const document::Node& credentials) {
  if (row.oauth_grant == connectors::OAuthGrant::None) return std::nullopt;
  const document::Node* holder = holder_in(row, credentials);
  if (holder == nullptr) return std::nullopt;
  return TokenHolder{
      .row = row, .holder = *holder, .nested = *row.oauth_request_holder, .grant = grant_of(row, context, credentials)};
}

bool carries_tokens_or_code(const document::Node& holder) {
  return member(&holder, "accessToken") != nullptr || member(&holder, "refreshToken") != nullptr ||
         member(object_member(&holder, "oAuthRequest"), "authCode") != nullptr;
}

}  // namespace appflow_lint::rules::oauth
