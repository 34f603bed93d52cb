// Suppressions: the configuration's `suppressions` entries, which keep chosen
// diagnostics out of the report (JSON has no comments to hold them):
//
//   "suppressions": [{"path": "legacy/*.json", "rule": "schema.pattern",
//                     "pointer": "/connectorProfileName", "reason": "renamed in Q3"}]
//
// `path` (default: every file) is a glob as `files` and `ignore` are, relative to the
// configuration's folder; `rule` an id or a glob of ids; `pointer` (default: any) an
// RFC 6901 pointer, exact, or ending in `/*` for that value and everything below it;
// `reason` is required. An entry that matched no diagnostic in the files it names is
// reported (config.unused-suppression), so that entries do not outlive their faults.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/format/report.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint::cli {

class Config;

struct Suppression {
  std::string path = "*";
  std::string rule;
  std::string pointer;  // without the `/*` of a prefix
  bool pointer_prefix = false;
  bool any_pointer = true;
  std::string reason;
  std::optional<Position> at;  // of the entry in the configuration file, when known

  bool matches(const Diagnostic& diagnostic) const;
};

// Reads the `suppressions` value of a configuration whose text is `config_text`.
// False with `error` set, and `error_at` to the faulty entry's place when it is known.
bool read_suppressions(const nlohmann::json& value, std::string_view config_text, std::vector<Suppression>& out,
                       std::string& error, std::optional<Position>& error_at);

// What the run's suppressions did: drops suppressed diagnostics document by document
// (on the reporting thread only) and remembers which entries were used.
class SuppressionTracker {
 public:
  // Drops the diagnostics of `result` (a document of the file `path`, as given) that an
  // entry of `config` suppresses; returns how many.
  std::size_t drop(const Config& config, const std::string& path, LintResult& result);

  // One note per entry whose files were linted and that suppressed nothing, in the
  // order of the configurations' first use, at the entry's place in its configuration.
  std::vector<format::ConfigurationNote> unused() const;

 private:
  struct Use {
    std::vector<bool> judged;  // a file the entry names was linted
    std::vector<bool> used;    // it suppressed a diagnostic
  };
  const Config* last_config_ = nullptr;  // the entries that name the last path
  std::string last_path_;
  std::vector<std::size_t> naming_;
  std::vector<const Config*> order_;
  std::map<const Config*, Use> uses_;
};

}  // namespace appflow_lint::cli
