// sapodata.port-scheme-mismatch: portNumber 443 with an http:// applicationHostUrl, or
// 80 with https://.
#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kPortSchemeMismatch{
    .id = "sapodata.port-scheme-mismatch",
    .severity = Severity::Warning,
    .category = RuleCategory::Suspicious,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "SAPOData portNumber 443 with an http:// applicationHostUrl, or 80 with https://",
    .docs = R"md(AppFlow connects to `applicationHostUrl` on `portNumber`. Port 443 is the
HTTPS port and 80 the HTTP port, so `443` with an `http://` URL, or `80` with an
`https://` URL, speaks the wrong protocol to the port and the connection fails (or,
with `http://`, would send credentials unencrypted if it succeeded). The diagnostic
points at `portNumber`. Use an `https://` URL with 443 (the usual choice), or the
port the SAP instance actually serves that scheme on. Other ports (44300, 8000,
...) are not checked: SAP systems use many.)md",
    .applies_to = "SAPOData",
    .source =
        "the service model's documentation of SAPODataConnectorProfileProperties (applicationHostUrl, "
        "portNumber) and the well-known ports of RFC 9110 section 4.2 (http 80, https 443)",
    .failing_example = R"json("applicationHostUrl": "http://s4hana.corp.net", "portNumber": 443)json",
    .passing_example = R"json("applicationHostUrl": "https://s4hana.corp.net", "portNumber": 443)json",
};

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char p, char t) {
           return p == std::tolower(static_cast<unsigned char>(t));
         });
}

class PortScheme final : public BasicRuleModule {
 public:
  PortScheme() : BasicRuleModule({&kPortSchemeMismatch}) {}

  std::string_view check_connector() const noexcept override { return "SAPOData"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "SAPOData");
    const document::Node* port = member(properties, "portNumber");
    const auto url = string_member(properties, "applicationHostUrl");
    if (port == nullptr || !port->is_number_integer() || !url) return;
    const bool http = starts_with_ignoring_case(*url, "http://");
    const bool https = starts_with_ignoring_case(*url, "https://");
    if (port->integer() == 443 && http) {
      out.report(kPortSchemeMismatch, connectors::property_pointer("SAPOData", "portNumber"), Anchor::Value,
                 "portNumber 443 is the HTTPS port, but applicationHostUrl starts with http://; use an https:// "
                 "applicationHostUrl, or the port the SAP instance serves HTTP on");
    } else if (port->integer() == 80 && https) {
      out.report(kPortSchemeMismatch, connectors::property_pointer("SAPOData", "portNumber"), Anchor::Value,
                 "portNumber 80 is the HTTP port, but applicationHostUrl starts with https://; use portNumber 443 "
                 "(or the port the SAP instance serves HTTPS on)");
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_sapodata_port_scheme() { return std::make_unique<PortScheme>(); }

}  // namespace appflow_lint::rules
