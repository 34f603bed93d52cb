// sapodata.both-credentials / sapodata.oauth-without-properties /
// sapodata.oauth-properties-unused / sapodata.disable-sso-with-oauth: one walk over
// which kind of authentication a SAPOData profile uses (basic or OAuth) and the
// properties that go with it.
#include <memory>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

constexpr std::string_view kSource =
    "the service model's documentation of SAPODataConnectorProfileCredentials (basicAuthCredentials, "
    "oAuthCredentials) and SAPODataConnectorProfileProperties (oAuthProperties, disableSSO)";

const RuleInfo kBothCredentials{
    .id = "sapodata.both-credentials",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "SAPOData credentials carry both basicAuthCredentials and oAuthCredentials",
    .docs = R"md(A SAPOData profile authenticates one way: with a user name and password
(`basicAuthCredentials`) or with OAuth (`oAuthCredentials`, together with
`oAuthProperties` in the properties). Both at once is ambiguous and AppFlow rejects
the profile. The diagnostic points at the block that looks unwanted: at
`basicAuthCredentials` when the properties carry `oAuthProperties` (OAuth is set
up), otherwise at `oAuthCredentials`. Remove that block. While both are present,
the other SAPOData credential rules stay silent.)md",
    .applies_to = "SAPOData",
    .source = kSource,
    .failing_example =
        R"json("SAPOData": {"basicAuthCredentials": {"username": "APPFLOW_USER", ...}, "oAuthCredentials": {"clientId": "appflow-client", ...}})json",
    .passing_example = R"json("SAPOData": {"basicAuthCredentials": {"username": "APPFLOW_USER", ...}})json",
};

const RuleInfo kOAuthWithoutProperties{
    .id = "sapodata.oauth-without-properties",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "SAPOData oAuthCredentials without oAuthProperties in the properties",
    .docs = R"md(OAuth against SAP needs both halves: `oAuthCredentials` (client ID and secret)
and, in the SAPOData properties, `oAuthProperties` (`tokenUrl`, `authCodeUrl`,
`oAuthScopes`), which tell AppFlow where to get and refresh tokens. Without
`oAuthProperties` the OAuth credentials cannot be used. The diagnostic points at
the `oAuthCredentials` key. Add `oAuthProperties`, or authenticate with
`basicAuthCredentials` instead.)md",
    .applies_to = "SAPOData",
    .source = kSource,
    .failing_example =
        R"json("connectorProfileProperties": {"SAPOData": {"applicationHostUrl": "https://s4.corp.net", ...}}, "connectorProfileCredentials": {"SAPOData": {"oAuthCredentials": {...}}})json",
    .passing_example =
        R"json("connectorProfileProperties": {"SAPOData": {"applicationHostUrl": "https://s4.corp.net", "oAuthProperties": {...}, ...}}, "connectorProfileCredentials": {"SAPOData": {"oAuthCredentials": {...}}})json",
};

const RuleInfo kOAuthPropertiesUnused{
    .id = "sapodata.oauth-properties-unused",
    .severity = Severity::Warning,
    .category = RuleCategory::Redundant,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "SAPOData oAuthProperties on a profile that authenticates with basicAuthCredentials",
    .docs = R"md(`oAuthProperties` configure OAuth authentication; a profile whose credentials
are `basicAuthCredentials` never uses them. Either the properties are left over
and can go, or the profile was meant to use OAuth and its credentials are wrong.
The diagnostic points at the `oAuthProperties` key.)md",
    .applies_to = "SAPOData",
    .source = kSource,
    .failing_example =
        R"json("connectorProfileProperties": {"SAPOData": {"oAuthProperties": {...}, ...}}, "connectorProfileCredentials": {"SAPOData": {"basicAuthCredentials": {...}}})json",
    .passing_example =
        R"json("connectorProfileProperties": {"SAPOData": {...}}, "connectorProfileCredentials": {"SAPOData": {"basicAuthCredentials": {...}}})json",
};

const RuleInfo kDisableSsoWithOAuth{
    .id = "sapodata.disable-sso-with-oauth",
    .severity = Severity::Info,
    .category = RuleCategory::Redundant,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "disableSSO has no effect on a profile that authenticates with OAuth",
    .docs = R"md(`disableSSO: true` makes AppFlow bypass SAP single sign-on, which matters for
basic authentication (SSO can keep a user name and password from logging on). With
OAuth credentials the service model says the parameter has no effect. The
diagnostic points at the `disableSSO` key; remove it, or switch to
`basicAuthCredentials` if that is what bypassing SSO was meant for. (`disableSSO:
false` is the default and is not reported.))md",
    .applies_to = "SAPOData",
    .source =
        "the service model's documentation of SAPODataConnectorProfileProperties.disableSSO (\"if your "
        "profile uses OAuth credentials, this parameter has no affect\")",
    .failing_example =
        R"json("connectorProfileProperties": {"SAPOData": {"disableSSO": true, "oAuthProperties": {...}, ...}}, "connectorProfileCredentials": {"SAPOData": {"oAuthCredentials": {...}}})json",
    .passing_example =
        R"json("connectorProfileProperties": {"SAPOData": {"oAuthProperties": {...}, ...}}, "connectorProfileCredentials": {"SAPOData": {"oAuthCredentials": {...}}})json",
};

class Credentials final : public BasicRuleModule {
 public:
  Credentials()
      : BasicRuleModule({&kBothCredentials, &kOAuthWithoutProperties, &kOAuthPropertiesUnused, &kDisableSsoWithOAuth}) {
  }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "SAPOData");
    const document::Node* credentials = object_member(context.credentials, "SAPOData");
    if (properties == nullptr || credentials == nullptr) return;
    const bool basic = member(credentials, "basicAuthCredentials") != nullptr;
    const bool oauth = member(credentials, "oAuthCredentials") != nullptr;
    const bool oauth_properties = member(properties, "oAuthProperties") != nullptr;

    if (basic && oauth) {
      if (oauth_properties) {
        out.report(kBothCredentials, connectors::credential_pointer("SAPOData", "basicAuthCredentials"), Anchor::Key,
                   "SAPOData credentials carry both basicAuthCredentials and oAuthCredentials, but a profile "
                   "authenticates one way; oAuthProperties sets up OAuth, so remove basicAuthCredentials")
            .suggest("remove basicAuthCredentials");
      } else {
        out.report(kBothCredentials, connectors::credential_pointer("SAPOData", "oAuthCredentials"), Anchor::Key,
                   "SAPOData credentials carry both basicAuthCredentials and oAuthCredentials, but a profile "
                   "authenticates one way; without oAuthProperties OAuth is not set up, so remove "
                   "oAuthCredentials (or add oAuthProperties and remove basicAuthCredentials)")
            .suggest("remove oAuthCredentials");
      }
      return;  // which kind is meant is unclear: the rules below would guess
    }
    if (oauth && !oauth_properties) {
      out.report(kOAuthWithoutProperties, connectors::credential_pointer("SAPOData", "oAuthCredentials"), Anchor::Key,
                 "oAuthCredentials need oAuthProperties (tokenUrl, authCodeUrl, oAuthScopes) in the SAPOData "
                 "properties; add them, or authenticate with basicAuthCredentials instead");
    }
    if (basic && oauth_properties) {
      out.report(kOAuthPropertiesUnused, connectors::property_pointer("SAPOData", "oAuthProperties"), Anchor::Key,
                 "oAuthProperties are unused: the SAPOData credentials are basicAuthCredentials; remove "
                 "oAuthProperties, or use oAuthCredentials if the profile should authenticate with OAuth")
          .suggest("remove oAuthProperties");
    }
    if (oauth && bool_member_is(properties, "disableSSO", true)) {
      out.report(kDisableSsoWithOAuth, connectors::property_pointer("SAPOData", "disableSSO"), Anchor::Key,
                 "disableSSO has no effect with oAuthCredentials (it only helps basic authentication past SAP "
                 "single sign-on); remove disableSSO")
          .suggest("remove disableSSO");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_sapodata_credentials() { return std::make_unique<Credentials>(); }

}  // namespace appflow_lint::rules
