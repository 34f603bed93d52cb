// snowflake.stage-format: stage is the fully qualified stage name
// <database>.<schema>.<stage>.
#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/rules/document.hpp"
#include "appflow_lint/rules/rule_module.hpp"

namespace appflow_lint::rules {
namespace {

const RuleInfo kStageFormat{
    .id = "snowflake.stage-format",
    .severity = Severity::Warning,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "stage is not a fully qualified stage name <database>.<schema>.<stage>",
    .docs = R"md(AppFlow loads data into Snowflake through the external Amazon S3 stage named
by `stage`, which it expects fully qualified: `<database>.<schema>.<stage>`, for
example `SALES_DB.PUBLIC.APPFLOW_STAGE`. A bare stage name, a two-part name or an
empty part (`SALES_DB..APPFLOW_STAGE`) does not resolve. Each part is a Snowflake
identifier: unquoted, it starts with a letter or `_` and holds only letters,
digits, `_` and `$`; anything else must be double-quoted, and a quoted identifier
(`"sales.db"`, with `""` for a quote) may contain dots, which then do not separate
parts. A leading `@` (the SQL stage-reference sign) is not part of the name.)md",
    .applies_to = "Snowflake",
    .source =
        "the service model's documentation of SnowflakeConnectorProfileProperties.stage (\"written in "
        "the following format: <Database><Schema><Stage Name>\", i.e. a Snowflake fully qualified object name) "
        "and Snowflake's identifier requirements (docs.snowflake.com, Identifier requirements)",
    .failing_example = R"json("stage": "APPFLOW_STAGE")json",
    .passing_example = R"json("stage": "SALES_DB.PUBLIC.APPFLOW_STAGE")json",
};

constexpr std::array<std::string_view, 3> kPartNames{"database", "schema", "stage"};

struct Identifier {
  std::string_view text;  // as written, quotes included
  bool quoted = false;
};

// Letters beyond ASCII are left to Snowflake (accepted here).
bool starts_identifier(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}
bool continues_identifier(unsigned char c) { return starts_identifier(c) || (c >= '0' && c <= '9') || c == '$'; }

// A character for a message: control characters as U+XXXX.
std::string shown(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f ? fmt::format("U+{:04X}", byte) : fmt::format("'{}'", c);
}

// Splits on dots outside double quotes; a message when the quoting is broken.
std::optional<std::string> split_identifiers(std::string_view stage, std::vector<Identifier>& parts) {
  std::size_t i = 0;
  while (true) {
    const std::size_t begin = i;
    if (i < stage.size() && stage[i] == '"') {
      ++i;
      while (true) {
        if (i >= stage.size()) return "stage has a double-quoted identifier that is never closed";
        if (stage[i] == '"') {
          if (i + 1 < stage.size() && stage[i + 1] == '"') {
            i += 2;  // "" is a quote inside the identifier
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      parts.push_back({stage.substr(begin, i - begin), true});
      if (i < stage.size() && stage[i] != '.') {
        return "stage has text right after a double-quoted identifier; a quoted identifier ends at '.' or at "
               "the end of the name";
      }
    } else {
      while (i < stage.size() && stage[i] != '.') ++i;
      parts.push_back({stage.substr(begin, i - begin), false});
    }
    if (i >= stage.size()) return std::nullopt;
    ++i;  // the dot
  }
}

std::optional<std::string> stage_problem(std::string_view stage) {
  if (!stage.empty() && stage.front() == '@') {
    return std::string(
        "stage starts with '@', the SQL sign for referencing a stage, which is not part of its name; write "
        "the name as <database>.<schema>.<stage>");
  }
  std::vector<Identifier> parts;
  if (auto broken = split_identifiers(stage, parts)) return broken;
  if (parts.size() != 3) {
    return fmt::format(
        "stage has {} dot-separated part{} but must be the fully qualified stage name <database>.<schema>.<stage>",
        parts.size(), parts.size() == 1 ? "" : "s");
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const Identifier& part = parts[k];
    if (part.text.empty() || (part.quoted && part.text.size() == 2)) {
      return fmt::format("the {} part of stage is empty; stage must be <database>.<schema>.<stage>", kPartNames[k]);
    }
    if (part.quoted) continue;
    const auto first = static_cast<unsigned char>(part.text.front());
    if (!starts_identifier(first)) {
      return fmt::format(
          "the {} part of stage starts with {}, but an unquoted Snowflake identifier starts with a letter or "
          "'_'; double-quote it or use the real name",
          kPartNames[k], shown(part.text.front()));
    }
    for (const char c : part.text) {
      if (!continues_identifier(static_cast<unsigned char>(c))) {
        return fmt::format(
            "the {} part of stage contains {}, which an unquoted Snowflake identifier cannot hold (letters, "
            "digits, '_' and '$' only); double-quote it or use the real name",
            kPartNames[k], shown(c));
      }
    }
  }
  return std::nullopt;
}

class StageFormat final : public BasicRuleModule {
 public:
  StageFormat() : BasicRuleModule({&kStageFormat}) {}

  std::string_view check_connector() const noexcept override { return "Snowflake"; }

  void check(const RuleContext& context, Reporter& out) const override {
    const document::Node* properties = object_member(context.properties, "Snowflake");
    const auto stage = string_member(properties, "stage");
    // schema.pattern (\S+) reports an empty stage or one with whitespace.
    if (!stage || stage->empty() ||
        std::any_of(stage->begin(), stage->end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
      return;
    }
    if (left_to_others(member(properties, "stage"), false)) return;
    if (auto problem = stage_problem(*stage)) {
      out.report(kStageFormat, connectors::property_pointer("Snowflake", "stage"), Anchor::Value, std::move(*problem));
    }
  }
};

}  // namespace

std::unique_ptr<RuleModule> make_snowflake_stage_format() { return std::make_unique<StageFormat>(); }

}  // namespace appflow_lint::rules
