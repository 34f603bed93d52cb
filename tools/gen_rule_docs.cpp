// gen_rule_docs: renders docs/rules.md and docs/rules/<id>.md from the rules'
// metadata (appflow_lint::list_rules()), the single source for rule docs.
//
//   gen_rule_docs OUTDIR          write OUTDIR/rules.md and OUTDIR/rules/<id>.md,
//                                 and delete pages of rules that no longer exist
//   gen_rule_docs --check OUTDIR  write nothing; list files that differ, are missing
//                                 or are stale, and exit 1 if there are any
//
// Exit status: 0 done (or up to date), 1 out of date (--check) or a rule whose id
// cannot name a file, 2 usage or I/O error. `ninja -C build rule-docs` runs it on docs/.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/format/rule_markdown.hpp"
#include "appflow_lint/rule_info.hpp"

namespace {

namespace fs = std::filesystem;
using appflow_lint::RuleInfo;
using appflow_lint::format::markdown_cell;

struct Area {
  std::string_view name;
  std::string_view intro;
};

// The known areas, in the order the index lists them; areas not named here are
// listed after these, alphabetically, without an introduction of their own.
constexpr Area kAreas[] = {
    {"json", "The text itself: JSON syntax, duplicate member names, nesting depth."},
    {"schema",
     "What the AWS service model rules out: required members, types, lengths, patterns, "
     "enums, ranges and unknown members (the stable contract of docs/cli.md)."},
    {"profile",
     "The shape of the profile as a whole: one connector, configured consistently in "
     "`connectorType`, properties and credentials, with a label where one is needed."},
    {"salesforce",
     "Salesforce profiles: OAuth grant types, JWT bearer tokens, sandbox and production "
     "instance URLs, PrivateLink."},
    {"pardot", "Salesforce Pardot (Marketing Cloud Account Engagement) profiles: business units and hosts."},
    {"jwt", "JSON Web Tokens passed as credentials: structure, encoding, claims and expiry."},
    {"oauth", "OAuth 2.0 credentials of any connector: grant flows, authorization codes and redirect URIs."},
    {"arn", "Amazon Resource Names: partition, service, region, account and resource type."},
    {"url", "Instance, token and endpoint URLs: scheme, host, path and the vendor's domains."},
    {"s3", "Amazon S3 locations: bucket naming rules and prefixes."},
    {"value", "Values that cannot be meant: placeholders, sample values and stray whitespace."},
    {"redshift", "Amazon Redshift profiles: JDBC URLs, clusters, workgroups, roles and staging buckets."},
    {"snowflake", "Snowflake profiles: stages, warehouses, account names and regions."},
    {"sapodata", "SAP OData profiles: host URLs, ports, service paths, client numbers and logon languages."},
    {"servicenow", "ServiceNow profiles: basic and OAuth 2.0 credentials, instance URLs."},
    {"customconnector", "Custom connector profiles: authentication types and their matching credentials."},
    {"idempotency", "Client tokens: reuse of one token for different requests."},
};

std::string_view area_of(std::string_view id) { return id.substr(0, id.find('.')); }

std::optional<std::string_view> intro_of(std::string_view area) {
  for (const Area& known : kAreas) {
    if (known.name == area) return known.intro;
  }
  return std::nullopt;
}

// Ids name files, so allow exactly what the id pattern allows.
bool safe_file_name(std::string_view id) {
  return !id.empty() && id.front() != '.' && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

std::string render_index(std::span<const RuleInfo> rules) {
  std::map<std::string_view, std::vector<const RuleInfo*>> by_area;
  for (const RuleInfo& rule : rules) by_area[area_of(rule.id)].push_back(&rule);
  std::vector<std::string_view> order;
  for (const Area& known : kAreas) {
    if (by_area.contains(known.name)) order.push_back(known.name);
  }
  for (const auto& [area, members] : by_area) {
    if (!intro_of(area)) order.push_back(area);
  }

  std::string out =
      "# Rules\n\n"
      "Every rule `appflow-lint` can report, grouped by area (the part of the id before the first dot). "
      "Each id is permanent and links to a page with the reason for the rule, a failing and a passing "
      "example, where the fact comes from, and how to change its severity.\n\n"
      "Severities: `error` means the service or an AWS SDK would reject the request (the CLI exits 1), "
      "`warning` a very likely mistake, `info` something worth knowing. Change a rule's severity, or turn "
      "it off, with `--rule ID=off|info|warning|error` or in `.appflow-lint.json` (see "
      "[Configuration](cli.md#configuration)); `appflow-lint --list-rules` prints this list.\n\n"
      "Categories: `correctness`, the service rejects the request or the profile cannot work as written; "
      "`security`, credentials exposed or sent unprotected, or a token nobody can trust; `suspicious`, "
      "accepted but very likely not what was meant; `redundant`, a member that has no effect; `limit`, a "
      "bound of the linter itself. Fix: `always` or `sometimes` when the rule's diagnostics carry a "
      "suggestion with a replacement (a text edit that fixes the fault), `none` when they never do. Since: "
      "the release the rule first appeared in.\n\n";
  fmt::format_to(std::back_inserter(out), "{} rules in {} areas: ", rules.size(), order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "{}[{}](#{}) ({})", i == 0 ? "" : ", ", order[i], order[i],
                   by_area[order[i]].size());
  }
  out += ".\n";
  for (std::string_view area : order) {
    fmt::format_to(std::back_inserter(out), "\n## {}\n\n", area);
    if (const auto intro = intro_of(area)) fmt::format_to(std::back_inserter(out), "{}\n\n", *intro);
    out +=
        "| rule | default severity | category | fix | since | applies to | summary |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const RuleInfo* rule : by_area[area]) {
      fmt::format_to(std::back_inserter(out), "| [`{0}`](rules/{0}.md) | {1} | {2} | {3} | {4} | {5} | {6} |\n",
                     rule->id, appflow_lint::to_string(rule->severity), appflow_lint::to_string(rule->category),
                     appflow_lint::to_string(rule->fix), markdown_cell(rule->since), markdown_cell(rule->applies_to),
                     markdown_cell(rule->summary));
    }
  }
  fmt::format_to(std::back_inserter(out), "\n{}\n", appflow_lint::format::kGeneratedRuleDocNote);
  return out;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  return static_cast<bool>(out);
}

int usage() {
  std::fputs(
      "usage: gen_rule_docs [--check] OUTDIR\n"
      "  writes OUTDIR/rules.md and OUTDIR/rules/<rule-id>.md from the rules' metadata;\n"
      "  --check writes nothing and exits 1 when any of them is out of date\n",
      stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool check = false;
  std::optional<fs::path> outdir;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--check")
      check = true;
    else if (arg == "-h" || arg == "--help")
      return usage(), 0;
    else if (arg.starts_with("-") || outdir)
      return usage();
    else
      outdir = fs::path(arg);
  }
  if (!outdir) return usage();

  const std::span<const RuleInfo> rules = appflow_lint::list_rules();
  for (const RuleInfo& rule : rules) {
    if (!safe_file_name(rule.id)) {
      fmt::print(stderr, "gen_rule_docs: rule id '{}' cannot name a page (ids are [a-z0-9.-])\n", rule.id);
      return 1;
    }
  }

  // Every file this run owns, with the text it should have.
  std::map<fs::path, std::string> wanted;
  wanted[*outdir / "rules.md"] = render_index(rules);
  for (const RuleInfo& rule : rules)
    wanted[*outdir / "rules" / fmt::format("{}.md", rule.id)] = appflow_lint::format::rule_page_markdown(rule);

  // Pages in rules/ that no rule generates any more.
  std::vector<fs::path> stale;
  std::error_code error;
  const fs::path pages = *outdir / "rules";
  if (fs::is_directory(pages, error)) {
    for (const auto& entry : fs::directory_iterator(pages, error)) {
      if (entry.path().extension() == ".md" && !wanted.contains(entry.path())) stale.push_back(entry.path());
    }
  }
  std::sort(stale.begin(), stale.end());

  int changed = 0;
  if (check) {
    for (const auto& [path, content] : wanted) {
      const std::optional<std::string> current = read_file(path);
      if (!current) {
        fmt::print("{}: missing\n", path.string());
        ++changed;
      } else if (*current != content) {
        fmt::print("{}: differs\n", path.string());
        ++changed;
      }
    }
    for (const auto& path : stale) fmt::print("{}: stale (no rule has this id)\n", path.string());
    changed += static_cast<int>(stale.size());
    if (changed > 0) {
      fmt::print("{} rule doc file{} out of date; regenerate with `ninja -C <builddir> rule-docs`\n", changed,
                 changed == 1 ? " is" : "s are");
      return 1;
    }
    fmt::print("rule docs up to date: {} rules\n", rules.size());
    return 0;
  }

  fs::create_directories(pages, error);
  if (error) {
    fmt::print(stderr, "gen_rule_docs: {}: {}\n", pages.string(), error.message());
    return 2;
  }
  for (const auto& [path, content] : wanted) {
    if (read_file(path) == content) continue;  // leave unchanged files (and their mtimes) alone
    if (!write_file(path, content)) {
      fmt::print(stderr, "gen_rule_docs: {}: cannot write\n", path.string());
      return 2;
    }
    ++changed;
  }
  for (const auto& path : stale) {
    if (!fs::remove(path, error)) {
      fmt::print(stderr, "gen_rule_docs: {}: cannot remove: {}\n", path.string(), error.message());
      return 2;
    }
    fmt::print("removed {}\n", path.string());
  }
  fmt::print("{} rules: {} file{} written, {} stale page{} removed\n", rules.size(), changed, changed == 1 ? "" : "s",
             stale.size(), stale.size() == 1 ? "" : "s");
  return 0;
}
