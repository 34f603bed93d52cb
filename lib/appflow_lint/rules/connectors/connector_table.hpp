// One row per connector that has connector-profile members: the facts rules need
// about each, so that no rule repeats per-connector code. Rules iterate the rows.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace appflow_lint::rules::connectors {

struct ConnectorRow {
  std::string_view member;          // member name under connectorProfileProperties/-Credentials ("GoogleAnalytics")
  std::string_view connector_type;  // the ConnectorType enum spelling ("Googleanalytics")
  bool uses_oauth;                  // credentials carry OAuth tokens / oAuthRequest
  bool has_instance_url;            // properties carry instanceUrl
  // Host suffixes a vendor's instance URL ends with (".my.salesforce.com"); empty
  // when customers bring their own hosts (SAP, Redshift, Snowflake, custom).
  std::span<const std::string_view> vendor_host_suffixes;
  // Where the credentials carry an oAuthRequest (ConnectorOAuthRequest): "" in the
  // connector's credentials object itself, else the member of it that holds one
  // ("oAuth2Credentials"); nullopt when they carry none.
  std::optional<std::string_view> oauth_request_holder;
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
