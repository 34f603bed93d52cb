#include "server/workspace.hpp"

#include "request_shape.hpp"

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

DocumentSettings Workspace::settings_for(std::string_view uri, std::string_view language, std::string_view text) {
  DocumentSettings settings;
  const std::optional<fs::path> path = path_from_uri(uri);
  if (!json_language(language, path)) return settings;
  if (!path) {
    settings.lint = cli::looks_like_profile(text);
    return settings;
  }
  const cli::ConfigResolver::Loaded& loaded = configs_.for_folder(path->parent_path());
  settings.config_error = loaded.error;
  const std::string name = path->string();
  if (loaded.config.ignored(name)) return settings;
  const std::optional<bool> selected = loaded.config.selects(name);
  settings.lint = selected ? *selected : cli::looks_like_profile(text);
  if (settings.lint) settings.file = loaded.config.settings_for(name, std::nullopt);
  return settings;
}

}  // namespace appflow_lint::server
