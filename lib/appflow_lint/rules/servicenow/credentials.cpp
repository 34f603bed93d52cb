// servicenow.incomplete-basic-auth / servicenow.basic-and-oauth: ServiceNow
// credentials are a username and password, or oAuth2Credentials.
#include <memory>
#include <string>
#include <string_view>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

constexpr std::string_view kSource =
    "the service model's documentation of ServiceNowConnectorProfileCredentials (username, password, "
    "oAuth2Credentials)";

const RuleInfo kIncompleteBasicAuth{
    .id = "servicenow.incomplete-basic-auth",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "ServiceNow credentials with a username but no password, or the reverse",
    .docs = R"md(Basic authentication to ServiceNow takes both `username` and `password` (the
password of that user). One without the other cannot log on, and AppFlow fails
when it tests the profile. The diagnostic points at the member that is present.
Add the missing one, or remove the lone member if the profile uses
`oAuth2Credentials`. The password's value is never shown.)md",
    .applies_to = "ServiceNow",
    .source = kSource,
    .failing_example = R"json("ServiceNow": {"username": "appflow.integration"})json",
    .passing_example = R"json("ServiceNow": {"username": "appflow.integration", "password": "..."})json",
};

const RuleInfo kBasicAndOAuth{
    .id = "servicenow.basic-and-oauth",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "ServiceNow credentials carry both basic (username/password) and oAuth2Credentials",
    .docs = R"md(A ServiceNow profile authenticates either with a user name and password or
with OAuth 2.0 (`oAuth2Credentials`). Carrying both leaves it unclear which one the
profile relies on, and the unused set of secrets is stored for nothing. The
diagnostic points at the `oAuth2Credentials` key; keep only the credentials of the
authentication the ServiceNow instance is set up for.)md",
    .applies_to = "ServiceNow",
    .source = kSource,
    .failing_example =
        R"json("ServiceNow": {"username": "appflow.integration", "password": "...", "oAuth2Credentials": {"clientId": "...", "clientSecret": "..."}})json",
    .passing_example = R"json("ServiceNow": {"oAuth2Credentials": {"clientId": "...", "clientSecret": "..."}})json",
};

class Credentials final : public BasicRuleModule {
 public:
  Credentials() : BasicRuleModule({&kIncompleteBasicAuth, &kBasicAndOAuth}) {}

  std::string_view check_connector() const noexcept override { return "ServiceNow"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* credentials = object_member(context.credentials, "ServiceNow");
    if (credentials == nullptr) return;
    const bool username = member(credentials, "username") != nullptr;
    const bool password = member(credentials, "password") != nullptr;
    if (username && !password) {
      out.report(kIncompleteBasicAuth, connectors::credential_pointer("ServiceNow", "username"), Anchor::Key,
                 "username without password: basic authentication to ServiceNow needs both; add password (or "
                 "remove username if the profile uses oAuth2Credentials)");
    } else if (password && !username) {
      out.report(kIncompleteBasicAuth, connectors::credential_pointer("ServiceNow", "password"), Anchor::Key,
                 "password without username: basic authentication to ServiceNow needs both; add username (or "
                 "remove password if the profile uses oAuth2Credentials)");
    }
    if ((username || password) && member(credentials, "oAuth2Credentials") != nullptr) {
      out.report(kBasicAndOAuth, connectors::credential_pointer("ServiceNow", "oAuth2Credentials"), Anchor::Key,
                 "ServiceNow credentials carry both basic authentication (username/password) and "
                 "oAuth2Credentials; keep only the credentials of the authentication the instance uses");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_servicenow_credentials() { return std::make_unique<Credentials>(); }

}  // namespace appflow_lint::rules
