// pardot.business-unit-id: a Pardot business unit ID is an 18-character Salesforce
// record ID with the key prefix 0Uv.
#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kBusinessUnitId{
    .id = "pardot.business-unit-id",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::Sometimes,
    .since = "1.0.0",
    .summary = "businessUnitId is not an 18-character ID starting with 0Uv",
    .docs = R"md(The Pardot (Account Engagement) business unit ID is the Salesforce record ID of
the business unit: 18 letters and digits starting with the key prefix `0Uv`. It
is shown in Salesforce Setup under Account Engagement Account Setup (formerly
Pardot Account Setup). Anything else, such as the numeric Pardot account id, a
15-character ID or the business unit's name, makes the Pardot API refuse the
calls. For a 15-character ID the suggestion gives its 18-character form (the same
ID with its case-checksum suffix). Values the schema already rejects (longer than
18, or with whitespace) are not reported again.)md",
    .applies_to = "Pardot",
    .source =
        "the service model's documentation of PardotConnectorProfileProperties.businessUnitId; "
        "Salesforce Help, Find the Pardot Business Unit ID",
    .failing_example =
        R"json("Pardot": {"instanceUrl": "https://pi.pardot.com", "businessUnitId": "0Uv5g000000PB1P"})json",
    .passing_example =
        R"json("Pardot": {"instanceUrl": "https://pi.pardot.com", "businessUnitId": "0Uv5g000000PB1PCAW"})json",
};

bool all_alphanumeric(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

// The 18-character form of a 15-character Salesforce ID: one suffix character per
// 5-character chunk, encoding which of its characters are upper-case letters.
std::string eighteen_character_id(std::string_view id15) {
  constexpr std::string_view kSuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  std::string id(id15);
  for (std::size_t chunk = 0; chunk < 3; ++chunk) {
    std::size_t flags = 0;
    for (std::size_t i = 0; i < 5; ++i) {
      const char c = id15[chunk * 5 + i];
      if (c >= 'A' && c <= 'Z') flags |= std::size_t{1} << i;
    }
    id += kSuffixAlphabet[flags];
  }
  return id;
}

class BusinessUnitId final : public BasicRuleModule {
 public:
  BusinessUnitId() : BasicRuleModule({&kBusinessUnitId}) {}

  std::string_view check_connector() const noexcept override { return "Pardot"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Pardot");
    const auto id = string_member(properties, "businessUnitId");
    if (!id) return;
    if (schema_reported(member(properties, "businessUnitId"))) return;  // too long, empty or with whitespace
    const bool prefix_ok = id->starts_with("0Uv");
    const bool characters_ok = all_alphanumeric(*id);
    if (prefix_ok && characters_ok && id->size() == 18) return;
    const std::string pointer = connectors::property_pointer("Pardot", "businessUnitId");

    if (prefix_ok && characters_ok && id->size() == 15) {
      const std::string full = eighteen_character_id(*id);
      out.report(kBusinessUnitId, pointer, Anchor::Value,
                 "businessUnitId is a 15-character ID; Pardot needs the 18-character business unit ID, {}", full)
          .suggest(fmt::format("use the 18-character form {}", full), nlohmann::json(full).dump());
    } else if (!prefix_ok) {
      out.report(kBusinessUnitId, pointer, Anchor::Value,
                 "businessUnitId does not start with 0Uv, so it is not a Pardot business unit ID; copy the "
                 "18-character ID from Setup > Account Engagement Account Setup");
    } else {
      out.report(kBusinessUnitId, pointer, Anchor::Value,
                 "businessUnitId has {} characters{}; a Pardot business unit ID is 18 letters and digits "
                 "starting with 0Uv (Setup > Account Engagement Account Setup)",
                 id->size(), characters_ok ? "" : " and not only letters and digits");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_pardot_business_unit_id() { return std::make_unique<BusinessUnitId>(); }

}  // namespace appflow_lint::rules
