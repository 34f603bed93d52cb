// One row per connector that has connector-profile members: the facts rules need
// about each, so that no rule repeats per-connector code. Rules iterate the rows.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace appflow_lint::rules::connectors {

// Which OAuth 2.0 grant AppFlow runs to get a connector's tokens.
enum class OAuthGrant : unsigned char {
  None,                  // no OAuth (or one this table does not know well enough to check)
  AuthorizationCode,     // the user's authorization flow: the profile brings tokens, or an authCode to exchange
  ClientCredentials,     // AppFlow obtains tokens itself from clientId and clientSecret (Marketo)
  CredentialsGrantType,  // the credentials' oAuth2GrantType decides; absent means AUTHORIZATION_CODE
  PropertiesGrantType,   // the properties' oAuth2Properties.oAuth2GrantType decides (custom connectors)
};

struct ConnectorRow {
  std::string_view member;          // member name under connectorProfileProperties/-Credentials ("GoogleAnalytics")
  std::string_view connector_type;  // the ConnectorType enum spelling ("Googleanalytics")
  OAuthGrant oauth_grant;
  bool has_instance_url;  // properties carry instanceUrl
  // Host suffixes a vendor's instance URL ends with (".my.salesforce.com"); empty
  // when customers bring their own hosts (SAP, Redshift, Snowflake, custom).
  std::span<const std::string_view> vendor_host_suffixes;
  // Where the credentials carry their OAuth tokens and oAuthRequest (ConnectorOAuthRequest):
  // "" in the connector's credentials object itself, else the member of it that holds
  // them ("oAuth2Credentials"); nullopt when they carry none.
  std::optional<std::string_view> oauth_request_holder;
  // The token holder declares refreshToken: the provider issues one with the access token.
  bool issues_refresh_token;
  // The credentials member that holds a JSON Web Token ("jwtToken"); empty when none.
  std::string_view jwt_token_member;
};

// The 19 connectors of the model's ConnectorProfileProperties, in the model's order.
std::span<const ConnectorRow> connector_rows() noexcept;

const ConnectorRow* find_by_member(std::string_view member) noexcept;
const ConnectorRow* find_by_connector_type(std::string_view connector_type) noexcept;

// Pointers to a connector's members, the one way rules build them:
// property_pointer("Redshift", "databaseUrl") is
// /connectorProfileConfig/connectorProfileProperties/Redshift/databaseUrl, and an
// empty member names the connector's object itself.
std::string property_pointer(std::string_view connector, std::string_view member = {});
std::string credential_pointer(std::string_view connector, std::string_view member = {});

// ConnectorType values that have no connector-profile members (a profile of this
// type carries no connector-specific configuration).
std::span<const std::string_view> types_without_profile_members() noexcept;

}  // namespace appflow_lint::rules::connectors
