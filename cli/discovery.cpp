#include "discovery.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "lint_inputs.hpp"
#include "request_shape.hpp"

namespace appflow_lint::cli {
namespace fs = std::filesystem;
namespace {

// Texts read to choose a file, kept so that the lint does not read them again: small
// files only, and a bounded total, so that a folder of many requests costs one read
// each without a large tree's text held in memory.
class KeptTexts {
 public:
  // nullptr, with `text` left as it was, when it is too large to keep.
  std::shared_ptr<const std::string> keep(std::string&& text) {
    if (text.size() > kMaxKeptFile || kept_ + text.size() > kMaxKept) return nullptr;
    kept_ += text.size();
    return std::make_shared<const std::string>(std::move(text));
  }

 private:
  static constexpr std::size_t kMaxKeptFile = std::size_t{64} << 10;
  static constexpr std::size_t kMaxKept = std::size_t{8} << 20;
  std::size_t kept_ = 0;
};

constexpr std::string_view kNotARequest =
    "not a request (no top-level member of UpdateConnectorProfile or CreateConnectorProfile)";

// A JSON file by its top level, a JSON Lines file by its first line that is not blank.
// A file that cannot be read, or is too large to look at, is linted: the run then
// reports why, where a skip would hide it. A JSON file's text goes with the verdict
// when `kept` takes it.
FileVerdict request_verdict(const fs::path& path, KeptTexts* kept) {
  const Input input{path.string(), kind_of(path.native()), false, nullptr};
  std::string error;
  if (input.kind == InputKind::Json) {
    std::string content;
    if (!read_input(input, content, error)) return {true, {}};
    if (!looks_like_request(content)) return {false, std::string(kNotARequest)};
    return {true, {}, kept != nullptr ? kept->keep(std::move(content)) : nullptr};
  }
  const int fd = open_input(input, error);
  if (fd < 0) return {true, {}};
  LineReader reader(fd, std::size_t{1} << 16);
  std::string line;
  LineReader::Line shape;
  LineReader::Status status = LineReader::Status::Line;
  while ((status = reader.next(line, kKeptLineBytes, shape)) == LineReader::Status::Line && is_blank(line)) {
    line.clear();
  }
  ::close(fd);
  const bool request =
      status != LineReader::Status::End && (status != LineReader::Status::Line || looks_like_request(line));
  return request ? FileVerdict{true, {}} : FileVerdict{false, std::string(kNotARequest)};
}

// The configuration for `path`; a broken one is recorded once, and the run then lints nothing.
class Configs {
 public:
  Configs(ConfigResolver& resolver, std::vector<std::string>& errors) : resolver_(resolver), errors_(errors) {}

  const Config& for_input(const Input& input) {
    // Standard input without --stdin-filename stands in the current folder.
    const ConfigResolver::Loaded& loaded =
        resolver_.for_file(input.is_stdin && input.path == "-" ? fs::path("-") : fs::path(input.path));
    if (!loaded.error.empty() && reported_.insert(&loaded).second) errors_.push_back(loaded.error);
    return loaded.config;
  }

 private:
  ConfigResolver& resolver_;
  std::vector<std::string>& errors_;
  std::set<const ConfigResolver::Loaded*> reported_;
};

std::string named(const Config& config) {
  return config.source().empty() ? std::string("the configuration") : config.source().string();
}

// A file of a folder is linted when the configuration's `files` name it or, without
// `files`, when it is JSON shaped like a request. `kept`: where a text read to decide
// may stay for the lint (nullptr: nowhere).
FileVerdict select_file(const fs::path& path, const Config& config, KeptTexts* kept) {
  const std::string name = path.string();
  if (config.ignored(name)) return {false, fmt::format("ignored by the \"ignore\" of {}", named(config))};
  if (const std::optional<bool> listed = config.selects(name)) {
    if (*listed) return {true, {}};
    if (!has_json_extension(path.native())) return {false, {}};
    return {false, fmt::format("not named by the \"files\" of {}", named(config))};
  }
  if (!has_json_extension(path.native())) return {false, {}};
  return request_verdict(path, kept);
}

}  // namespace

Discovery discover_inputs(const Settings& settings, ConfigResolver& resolver) {
  Discovery discovery;
  Configs configs(resolver, discovery.config_errors);
  KeptTexts kept;
  const WalkOptions walk{
      !settings.no_ignore, [&](const fs::path& path) {
        return select_file(path, configs.for_input({path.string(), kind_of(path.native()), false, nullptr}), &kept);
      }};
  CollectedInputs collected = collect_inputs(settings.paths, {settings.stdin_jsonl, settings.stdin_filename}, walk);
  discovery.problems = std::move(collected.problems);
  std::vector<Skipped> skipped = std::move(collected.skipped);
  const std::set<std::string> named_paths(settings.paths.begin(), settings.paths.end());
  for (auto& input : collected.inputs) {
    const Config& config = configs.for_input(input);
    // --force-exclude: a file named on the command line is chosen as a folder walk
    // would choose it (pre-commit names every staged JSON file, package.json too).
    if (settings.force_exclude && !input.is_stdin && named_paths.count(input.path) > 0) {
      FileVerdict verdict = select_file(input.path, config, nullptr);
      if (!verdict.lint) {
        skipped.push_back({input.path, verdict.reason.empty() ? std::string("not a JSON file") : verdict.reason});
        continue;
      }
    }
    // Named on the command line or found in a folder, an ignored path is not linted
    // (standard input goes by its --stdin-filename).
    if (config.ignored(input.path)) {
      skipped.push_back({input.path, fmt::format("ignored by the \"ignore\" of {}", named(config))});
      continue;
    }
    discovery.inputs.push_back({std::move(input), &config});
  }
  if (settings.verbose) {
    for (const auto& skip : skipped) {
      fmt::print(stderr, "appflow-lint: skipped {}: {}\n", printable(skip.path), printable(skip.reason));
    }
  }
  discovery.nothing_matched =
      discovery.inputs.empty() && !collected.unmatched.empty() && !settings.no_error_on_unmatched;
  for (auto& unmatched : collected.unmatched) {
    if (settings.no_error_on_unmatched) {
      fmt::print(stderr, "appflow-lint: warning: {}\n", printable(unmatched));
      discovery.warnings.push_back(std::move(unmatched));
    } else {
      discovery.problems.push_back(std::move(unmatched));
    }
  }
  return discovery;
}

}  // namespace appflow_lint::cli
