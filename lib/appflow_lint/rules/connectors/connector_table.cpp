#include "appflow_lint/rules/connectors/connector_table.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/document.hpp"

namespace appflow_lint::rules::connectors {
namespace {

// Vendor host suffixes, from each vendor's documentation of its instance URLs.
constexpr std::array<std::string_view, 4> kSalesforceHosts{".salesforce.com", ".force.com", ".salesforce.mil",
                                                           ".cloudforce.com"};
// Account Engagement (Pardot) API hosts, and Salesforce hosts for My Domain setups.
constexpr std::array<std::string_view, 5> kPardotHosts{".pardot.com", ".salesforce.com", ".force.com",
                                                       ".salesforce.mil", ".cloudforce.com"};
constexpr std::array<std::string_view, 1> kZendeskHosts{".zendesk.com"};
constexpr std::array<std::string_view, 1> kSlackHosts{".slack.com"};
constexpr std::array<std::string_view, 2> kServiceNowHosts{".service-now.com", ".servicenowservices.com"};
// Datadog sites: US1, US3, US5, EU1, AP1, US1-FED.
constexpr std::array<std::string_view, 6> kDatadogHosts{"datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com",
                                                        "datadoghq.eu",  "ap1.datadoghq.com", "ddog-gov.com"};
constexpr std::array<std::string_view, 3> kDynatraceHosts{".live.dynatrace.com", ".apps.dynatrace.com",
                                                          ".dynatrace.com"};
constexpr std::array<std::string_view, 2> kMarketoHosts{".mktorest.com", ".marketo.com"};
constexpr std::array<std::string_view, 2> kVeevaHosts{".veevavault.com", ".vaultdev.com"};

// Columns: member, ConnectorType, oauth_grant, has_instance_url, vendor_host_suffixes,
// oauth_request_holder, issues_refresh_token, jwt_token_member. ServiceNow's
// oAuth2Credentials stay unchecked (None): AppFlow documents no grant for them.
using enum OAuthGrant;
constexpr std::array<ConnectorRow, 19> kRows{{
    {"Amplitude", "Amplitude", None, false, {}, std::nullopt, false, {}},
    {"Datadog", "Datadog", None, true, kDatadogHosts, std::nullopt, false, {}},
    {"Dynatrace", "Dynatrace", None, true, kDynatraceHosts, std::nullopt, false, {}},
    {"GoogleAnalytics", "Googleanalytics", AuthorizationCode, false, {}, "", true, {}},
    {"Honeycode", "Honeycode", AuthorizationCode, false, {}, "", true, {}},
    {"InforNexus", "Infornexus", None, true, {}, std::nullopt, false, {}},
    {"Marketo", "Marketo", ClientCredentials, true, kMarketoHosts, "", false, {}},
    {"Redshift", "Redshift", None, false, {}, std::nullopt, false, {}},
    {"Salesforce", "Salesforce", CredentialsGrantType, true, kSalesforceHosts, "", true, "jwtToken"},
    {"ServiceNow", "Servicenow", None, true, kServiceNowHosts, "oAuth2Credentials", true, {}},
    {"Singular", "Singular", None, false, {}, std::nullopt, false, {}},
    {"Slack", "Slack", AuthorizationCode, true, kSlackHosts, "", false, {}},
    {"Snowflake", "Snowflake", None, false, {}, std::nullopt, false, {}},
    {"Trendmicro", "Trendmicro", None, false, {}, std::nullopt, false, {}},
    {"Veeva", "Veeva", None, true, kVeevaHosts, std::nullopt, false, {}},
    {"Zendesk", "Zendesk", AuthorizationCode, true, kZendeskHosts, "", false, {}},
    {"SAPOData", "SAPOData", AuthorizationCode, false, {}, "oAuthCredentials", true, {}},
    {"CustomConnector", "CustomConnector", PropertiesGrantType, false, {}, "oauth2", true, {}},
    {"Pardot", "Pardot", AuthorizationCode, true, kPardotHosts, "", true, {}},
}};

// Rows by member name, for the exact lookups every request makes (each key of the two
// connector maps, the connector of each URL): open addressing over a table built at
// compile time, so that a lookup hashes once and compares one name or two instead of
// scanning the rows. Over three times as many slots as rows keeps the probes short,
// and an empty slot always ends them.
constexpr std::size_t kMemberSlots = 64;
constexpr std::int8_t kEmptySlot = -1;
static_assert(kRows.size() * 3 < kMemberSlots);

constexpr std::size_t member_slot(std::string_view name) {
  if (name.empty()) return 0;
  const auto first = static_cast<unsigned char>(name.front());
  const auto last = static_cast<unsigned char>(name.back());
  return (name.size() * 31 + first * 7 + last) % kMemberSlots;
}

constexpr std::array<std::int8_t, kMemberSlots> kRowByMember = [] {
  std::array<std::int8_t, kMemberSlots> slots{};
  slots.fill(kEmptySlot);
  for (std::size_t row = 0; row < kRows.size(); ++row) {
    std::size_t slot = member_slot(kRows[row].member);
    while (slots[slot] != kEmptySlot) slot = (slot + 1) % kMemberSlots;
    slots[slot] = static_cast<std::int8_t>(row);
  }
  return slots;
}();

constexpr std::array<std::string_view, 5> kTypesWithoutProfileMembers{"S3", "EventBridge", "LookoutMetrics", "Upsolver",
                                                                      "CustomerProfiles"};

}  // namespace

std::span<const ConnectorRow> connector_rows() noexcept { return kRows; }

const ConnectorRow* find_by_member(std::string_view member) noexcept {
  for (std::size_t slot = member_slot(member); kRowByMember[slot] != kEmptySlot; slot = (slot + 1) % kMemberSlots) {
    const ConnectorRow& row = kRows[static_cast<std::size_t>(kRowByMember[slot])];
    if (row.member == member) return &row;
  }
  return nullptr;
}

const ConnectorRow* find_by_connector_type(std::string_view connector_type) noexcept {
  auto found = std::find_if(kRows.begin(), kRows.end(),
                            [&](const ConnectorRow& row) { return row.connector_type == connector_type; });
  return found == kRows.end() ? nullptr : &*found;
}

std::string property_pointer(std::string_view connector, std::string_view member) {
  std::string pointer = json_pointer::child(paths::kProperties, connector);
  return member.empty() ? pointer : json_pointer::child(pointer, member);
}

std::string credential_pointer(std::string_view connector, std::string_view member) {
  std::string pointer = json_pointer::child(paths::kCredentials, connector);
  return member.empty() ? pointer : json_pointer::child(pointer, member);
}

std::span<const std::string_view> types_without_profile_members() noexcept { return kTypesWithoutProfileMembers; }

}  // namespace appflow_lint::rules::connectors
