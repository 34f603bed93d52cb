#include "server/workspace.hpp"

#include <nlohmann/json.hpp>

namespace appflow_lint::server {
namespace fs = std::filesystem;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool json_language(std::string_view language, const std::optional<fs::path>& path) {
  if (language == "json" || language == "jsonc") return true;
  return path && path->extension() == ".json";
}

// Reads a document up to its first top-level `connectorProfileConfig` key and builds
// nothing: this runs on every change, beside the lint's own parse.
class TopLevelKeyFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool found = false;
  bool broken = false;  // the text does not parse (yet)

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override {
    if (depth_ == 0) root_is_object_ = true;
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*size*/) override {
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool key(string_t& name) override {
    found = root_is_object_ && depth_ == 1 && name == "connectorProfileConfig";
    return !found;  // stop at the answer
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    broken = true;
    return false;
  }

 private:
  std::size_t depth_ = 0;
  bool root_is_object_ = false;
};

}  // namespace

std::optional<fs::path> path_from_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (!uri.starts_with(kScheme)) return std::nullopt;
  uri.remove_prefix(kScheme.size());
  // "file://host/path": only the local host (empty or "localhost") is a local path.
  const auto slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string decoded;
  decoded.reserve(uri.size());
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '?' || uri[i] == '#') break;
    if (uri[i] == '%' && i + 2 < uri.size()) {
      const int high = hex_value(uri[i + 1]);
      const int low = hex_value(uri[i + 2]);
      if (high >= 0 && low >= 0) {
        decoded.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    decoded.push_back(uri[i]);
  }
  if (decoded.find('\0') != std::string::npos) return std::nullopt;
  return fs::path(decoded).lexically_normal();
}

bool looks_like_profile(std::string_view text) {
  if (text.find("\"connectorProfileConfig\"") == std::string_view::npos) return false;
  TopLevelKeyFinder finder;
  nlohmann::json::sax_parse(text, &finder);
  return finder.found || finder.broken;  // mid-edit the text may not parse: the name alone decides
}

const Workspace::LoadedConfig& Workspace::config_for(const fs::path& folder) {
  auto& slot = configs_[folder];
  if (!slot) {
    slot = std::make_unique<LoadedConfig>();
    if (!slot->config.load("", slot->error, folder)) slot->config = cli::Config{};  // the defaults
  }
  return *slot;
}

DocumentSettings Workspace::settings_for(std::string_view uri, std::string_view language, std::string_view text) {
  DocumentSettings settings;
  const std::optional<fs::path> path = path_from_uri(uri);
  if (!json_language(language, path)) return settings;
  if (!path) {
    settings.lint = looks_like_profile(text);
    return settings;
  }
  const LoadedConfig& loaded = config_for(path->parent_path());
  settings.config_error = loaded.error;
  const std::string name = path->string();
  if (loaded.config.ignored(name)) return settings;
  const std::optional<bool> selected = loaded.config.selects(name);
  settings.lint = selected ? *selected : looks_like_profile(text);
  if (settings.lint) settings.file = loaded.config.settings_for(name, std::nullopt);
  return settings;
}

}  // namespace appflow_lint::server
