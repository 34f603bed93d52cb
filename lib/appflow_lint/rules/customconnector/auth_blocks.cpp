// customconnector.auth-block-missing / customconnector.unused-auth-block: the
// credentials block that goes with authenticationType, and no other.
#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

constexpr std::string_view kSource =
    "the service model's documentation of CustomConnectorProfileCredentials (authenticationType and the "
    "basic, oauth2, apiKey and custom members) and the AuthenticationType enum";

const RuleInfo kAuthBlockMissing{
    .id = "customconnector.auth-block-missing",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "CustomConnector authenticationType without its credentials block",
    .docs = R"md(`authenticationType` says which member of the CustomConnector credentials holds
the credentials: `OAUTH2` reads `oauth2`, `APIKEY` reads `apiKey`, `BASIC` reads
`basic` and `CUSTOM` reads `custom`. Without that block the connector has nothing
to authenticate with and creating the profile fails. The diagnostic points at the
`authenticationType` value. Add the block, or correct `authenticationType` to the
block the credentials carry.)md",
    .applies_to = "CustomConnector",
    .source = kSource,
    .failing_example = R"json("CustomConnector": {"authenticationType": "APIKEY", "basic": {...}})json",
    .passing_example = R"json("CustomConnector": {"authenticationType": "APIKEY", "apiKey": {...}})json",
};

const RuleInfo kUnusedAuthBlock{
    .id = "customconnector.unused-auth-block",
    .severity = Severity::Warning,
    .category = RuleCategory::Redundant,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "CustomConnector credentials block that authenticationType does not use",
    .docs = R"md(Only the block named by `authenticationType` (`OAUTH2` → `oauth2`, `APIKEY` →
`apiKey`, `BASIC` → `basic`, `CUSTOM` → `custom`) is used. Any other block is
ignored: it stores secrets for nothing, and often means `authenticationType` is
wrong. Each unused block is reported at its key; remove it.)md",
    .applies_to = "CustomConnector",
    .source = kSource,
    .failing_example =
        R"json("CustomConnector": {"authenticationType": "OAUTH2", "oauth2": {...}, "apiKey": {...}})json",
    .passing_example = R"json("CustomConnector": {"authenticationType": "OAUTH2", "oauth2": {...}})json",
};

// authenticationType -> the credentials member it reads, and what that member holds.
struct AuthBlock {
  std::string_view type;
  std::string_view block;
  std::string_view holds;
};

constexpr std::array<AuthBlock, 4> kAuthBlocks{{
    {"OAUTH2", "oauth2", "clientId, clientSecret and the tokens or oAuthRequest"},
    {"APIKEY", "apiKey", "apiKey and, if the API needs it, apiSecretKey"},
    {"BASIC", "basic", "username and password"},
    {"CUSTOM", "custom", "customAuthenticationType and credentialsMap"},
}};

class AuthBlocks final : public BasicRuleModule {
 public:
  AuthBlocks() : BasicRuleModule({&kAuthBlockMissing, &kUnusedAuthBlock}) {}

  std::string_view check_connector() const noexcept override { return "CustomConnector"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* credentials = object_member(context.credentials, "CustomConnector");
    const auto type = string_member(credentials, "authenticationType");
    if (!type) return;
    const auto used =
        std::find_if(kAuthBlocks.begin(), kAuthBlocks.end(), [&](const AuthBlock& row) { return row.type == *type; });
    if (used == kAuthBlocks.end()) return;  // an unknown type is schema.enum's to report
    if (member(credentials, used->block) == nullptr) {
      out.report(kAuthBlockMissing, connectors::credential_pointer("CustomConnector", "authenticationType"),
                 Anchor::Value,
                 "authenticationType {} needs the {} block in the CustomConnector credentials; add {} ({})", used->type,
                 used->block, used->block, used->holds);
    }
    for (const AuthBlock& row : kAuthBlocks) {
      if (&row == &*used || member(credentials, row.block) == nullptr) continue;
      out.report(kUnusedAuthBlock, connectors::credential_pointer("CustomConnector", row.block), Anchor::Key,
                 "{} is unused: authenticationType is {}, which reads {} only; remove {}", row.block, used->type,
                 used->block, row.block)
          .suggest(fmt::format("remove {}", row.block));
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_customconnector_auth_blocks() { return std::make_unique<AuthBlocks>(); }

}  // namespace appflow_lint::rules
