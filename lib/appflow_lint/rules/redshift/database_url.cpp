// redshift.database-url: databaseUrl is a Redshift JDBC URL,
// jdbc:redshift://host:port/database.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"
#include "appflow_lint/text/byte_set.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kDatabaseUrl{
    .id = "redshift.database-url",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "databaseUrl is not a Redshift JDBC URL (jdbc:redshift://host:port/database)",
    .docs = R"md(`databaseUrl` is the JDBC URL of the Amazon Redshift cluster, as the Redshift
console shows it: `jdbc:redshift://<endpoint>:<port>/<database>`, for example
`jdbc:redshift://analytics.c7xv3kq9wz1m.us-east-1.redshift.amazonaws.com:5439/dev`.
A URL without the `jdbc:redshift://` prefix, the host, a numeric port or the
database name cannot be opened by the JDBC driver. The message says which part is
missing or malformed; JDBC properties after the database (`?ssl=true`, `;...`)
are accepted. Other `jdbc:redshift:` forms (such as the IAM form
`jdbc:redshift:iam://`) are reported too; if one works for your profile, turn the
rule off for it. The URL itself is never printed, since JDBC properties may carry
a password.)md",
    .applies_to = "Redshift",
    .source =
        "the service model's documentation of RedshiftConnectorProfileProperties.databaseUrl "
        "(\"The JDBC URL of the Amazon Redshift cluster\") and the Amazon Redshift JDBC driver's URL syntax",
    .failing_example = R"json("databaseUrl": "analytics.c7xv3kq9wz1m.us-east-1.redshift.amazonaws.com:5439")json",
    .passing_example =
        R"json("databaseUrl": "jdbc:redshift://analytics.c7xv3kq9wz1m.us-east-1.redshift.amazonaws.com:5439/dev")json",
};

// Values this long are far past the model's 512 characters: schema.max-length reports
// them, and this rule leaves them to it.
constexpr std::size_t kLongestChecked = 2048;

constexpr std::string_view kPrefix = "jdbc:redshift://";

// jdbc:redshift://host[:port][/database][?|;options], split as the grammar reads it:
// each part ends at the first of the characters that start a later one, so four
// searches do what a capturing regex does at many times the cost.
struct JdbcParts {
  std::string_view host;
  std::optional<std::string_view> port;
  std::optional<std::string_view> database;
};

constexpr text::ByteSet kHostEnd("/:?;");
constexpr text::ByteSet kPortEnd("/?;");
constexpr text::ByteSet kDatabaseEnd("?;");

JdbcParts split_jdbc(std::string_view rest) {
  JdbcParts parts;
  std::size_t end = kHostEnd.end_of_part(rest);
  parts.host = rest.substr(0, end);
  rest.remove_prefix(end);
  if (rest.starts_with(':')) {
    end = kPortEnd.end_of_part(rest);
    parts.port = rest.substr(1, end - 1);
    rest.remove_prefix(end);
  }
  if (rest.starts_with('/')) parts.database = rest.substr(1, kDatabaseEnd.end_of_part(rest) - 1);
  return parts;
}

std::vector<std::string> problems_in(std::string_view url) {
  if (!url.starts_with(kPrefix)) {
    const bool prefix_in_other_case =
        url.size() >= kPrefix.size() && std::equal(kPrefix.begin(), kPrefix.end(), url.begin(), [](char p, char c) {
          return p == std::tolower(static_cast<unsigned char>(c));
        });
    if (prefix_in_other_case) return {"its jdbc:redshift:// prefix must be lowercase"};
    if (url.starts_with("jdbc:redshift:"))
      return {"it must start with jdbc:redshift:// (not another jdbc:redshift: form)"};
    if (url.find("://") != std::string_view::npos)
      return {"it must start with jdbc:redshift:// (it uses another scheme)"};
    return {"it must start with jdbc:redshift://"};
  }
  const JdbcParts parts = split_jdbc(url.substr(kPrefix.size()));
  std::vector<std::string> problems;
  if (parts.host.empty()) problems.emplace_back("the host (the cluster endpoint) is missing");
  if (!parts.port) {
    problems.emplace_back("the port is missing (add :5439, Redshift's default, after the host)");
  } else {
    const std::string_view port = *parts.port;
    unsigned value = 0;
    const bool digits =
        !port.empty() && std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      problems.emplace_back("the port must be digits");
    } else if (std::from_chars(port.data(), port.data() + port.size(), value).ec != std::errc() || value == 0 ||
               value > 65535) {
      problems.emplace_back("the port must be between 1 and 65535");
    }
  }
  if (!parts.database || parts.database->empty()) {
    problems.emplace_back("the database name is missing (end the URL with /<database>, e.g. /dev)");
  }
  return problems;
}

class DatabaseUrl final : public BasicRuleModule {
 public:
  DatabaseUrl() : BasicRuleModule({&kDatabaseUrl}) {}

  std::string_view check_connector() const noexcept override { return "Redshift"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* redshift = object_member(context.properties, "Redshift");
    const auto url = string_member(redshift, "databaseUrl");
    if (!url || url->empty() || url->size() > kLongestChecked) return;  // schema rules report those
    if (left_to_others(member(redshift, "databaseUrl"), false)) return;
    const std::vector<std::string> problems = problems_in(*url);
    if (problems.empty()) return;
    out.report(kDatabaseUrl, connectors::property_pointer("Redshift", "databaseUrl"), Anchor::Value,
               "databaseUrl must be a JDBC URL jdbc:redshift://host:port/database, but {}", fmt::join(problems, "; "));
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_redshift_database_url() { return std::make_unique<DatabaseUrl>(); }

}  // namespace appflow_lint::rules
