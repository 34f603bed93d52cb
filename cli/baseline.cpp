#include "baseline.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/diagnostic/printable.hpp"

namespace appflow_lint::cli {
namespace fs = std::filesystem;
namespace {

constexpr int kVersion = 1;
constexpr std::size_t kHashDigits = 16;

// 64-bit FNV-1a: the file format fixes the hash, so it must not change between builds
// or platforms (std::hash may), and no hashing library is a dependency of the CLI.
std::string fnv1a(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::string_view part : parts) {
    for (const char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff;  // a separator no UTF-8 text holds: "ab"+"c" differs from "a"+"bc"
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

bool is_hash(const std::string& text) {
  return text.size() == kHashDigits &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool read_entry(const nlohmann::json& item, BaselineEntry& entry, std::string& why) {
  if (!item.is_object()) return (why = "an entry is not an object", false);
  for (const auto& [key, value] : item.items()) {
    if (key == "document") {
      if (!value.is_number_unsigned()) return (why = "an entry's \"document\" is not a line number", false);
      entry.document = value.get<std::size_t>();
      continue;
    }
    std::string* field = key == "path"      ? &entry.path
                         : key == "rule"    ? &entry.rule
                         : key == "pointer" ? &entry.pointer
                         : key == "hash"    ? &entry.hash
                                            : nullptr;
    if (field == nullptr) return (why = fmt::format("unknown key \"{}\" in an entry", printable(key)), false);
    if (!value.is_string()) return (why = fmt::format("an entry's \"{}\" is not a string", key), false);
    *field = value.get<std::string>();
  }
  if (entry.path.empty() || entry.rule.empty() || !is_hash(entry.hash) || !item.contains("pointer"))
    return (why = "an entry needs path, rule, pointer and a 16-digit hash", false);
  return true;
}

}  // namespace

BaselineKeys::BaselineKeys(const fs::path& baseline_file) {
  std::error_code error;
  folder_ = fs::absolute(baseline_file, error).lexically_normal().parent_path();
}

const std::string& BaselineKeys::relative(const std::string& path) {
  if (path == last_path_ && !last_relative_.empty()) return last_relative_;
  last_path_ = path;
  if (path == "-") {
    last_relative_ = path;
  } else {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error).lexically_normal();
    const fs::path relative = absolute.lexically_relative(folder_);
    last_relative_ = (relative.empty() ? absolute : relative).generic_string();
  }
  return last_relative_;
}

BaselineEntry BaselineKeys::entry(const std::string& relative_path, std::optional<std::size_t> document,
                                  const Diagnostic& diagnostic) const {
  return {relative_path, document, diagnostic.rule, diagnostic.pointer,
          fnv1a({diagnostic.rule, diagnostic.pointer, diagnostic.message})};
}

bool Baseline::load(const fs::path& file, std::string& error) {
  file_ = file;
  const auto fail = [&](const std::string& why) {
    error = fmt::format("{}: {}", file.string(), why);
    return false;
  };
  std::ifstream in(file, std::ios::binary);
  std::error_code ignored;
  if (!in || fs::is_directory(file, ignored)) return fail("cannot read the baseline file");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Not parsed with exceptions: nlohmann's messages quote the text, which need not be a baseline.
  const nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return fail("not a baseline: the file is not JSON (see --write-baseline)");
  if (!root.is_object() || root.size() != 2 || !root.contains("version") || !root.contains("entries"))
    return fail("not a baseline: expected {\"version\": 1, \"entries\": [...]} (see --write-baseline)");
  if (root["version"] != kVersion) return fail(fmt::format("not a baseline of version {}", kVersion));
  if (!root["entries"].is_array()) return fail("not a baseline: \"entries\" is not an array");
  for (std::size_t i = 0; i < root["entries"].size(); ++i) {
    BaselineEntry entry;
    if (std::string why; !read_entry(root["entries"][i], entry, why))
      return fail(fmt::format("entry {}: {}", i + 1, why));
    paths_.insert(entry.path);
    ++remaining_[std::move(entry)];
  }
  keys_.emplace(file);
  return true;
}

std::size_t Baseline::drop(const std::string& path, std::optional<std::size_t> document, LintResult& result) {
  if (!keys_) return 0;
  const std::string& relative = keys_->relative(path);
  if (!paths_.contains(relative)) return 0;
  linted_.insert(relative);
  const std::size_t before = result.diagnostics.size();
  std::erase_if(result.diagnostics, [&](const Diagnostic& diagnostic) {
    const auto found = remaining_.find(keys_->entry(relative, document, diagnostic));
    if (found == remaining_.end() || found->second == 0) return false;
    --found->second;
    return true;
  });
  return before - result.diagnostics.size();
}

std::size_t Baseline::stale() const {
  std::size_t count = 0;
  for (const auto& [entry, left] : remaining_) {
    if (linted_.contains(entry.path)) count += left;
  }
  return count;
}

std::optional<format::ConfigurationNote> Baseline::stale_note() const {
  const std::size_t count = stale();
  if (count == 0) return std::nullopt;
  return format::ConfigurationNote{
      "baseline.stale",
      fmt::format("{} {} of the linted files matched no diagnostic (fixed since it was written); write it again "
                  "with --write-baseline to drop {}",
                  count, count == 1 ? "entry" : "entries", count == 1 ? "it" : "them"),
      file_.string(), std::nullopt};
}

void BaselineWriter::add(const std::string& path, std::optional<std::size_t> document, const LintResult& result) {
  if (result.diagnostics.empty()) return;
  const std::string relative = keys_.relative(path);
  for (const auto& diagnostic : result.diagnostics) entries_.push_back(keys_.entry(relative, document, diagnostic));
}

bool BaselineWriter::write(std::string& error) {
  std::sort(entries_.begin(), entries_.end());
  // One entry per line: a baseline is reviewed and merged as a diff.
  std::string text = fmt::format("{{\n  \"version\": {},\n  \"entries\": [", kVersion);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const BaselineEntry& entry = entries_[i];
    nlohmann::ordered_json item = {{"path", entry.path}};
    if (entry.document) item["document"] = *entry.document;
    item["rule"] = entry.rule;
    item["pointer"] = entry.pointer;
    item["hash"] = entry.hash;
    text += i == 0 ? "\n    " : ",\n    ";
    text += item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  text += entries_.empty() ? "]\n}\n" : "\n  ]\n}\n";
  std::ofstream out(file_, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    error = fmt::format("{}: cannot write the baseline file", file_.string());
    return false;
  }
  return true;
}

}  // namespace appflow_lint::cli
