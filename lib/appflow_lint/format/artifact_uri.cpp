#include "appflow_lint/format/artifact_uri.hpp"

#include <filesystem>

#include <fmt/format.h>

namespace appflow_lint::format {
namespace {

// RFC 3986's pchar (unreserved / sub-delims / ":" / "@") plus "/": what a path may hold
// as it is. Written out because no library of the project encodes URIs.
bool kept_in_path(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':  // unreserved
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':  // sub-delims
    case ':':
    case '@':
    case '/':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string percent_encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (kept_in_path(byte)) {
      out += c;
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", byte);
    }
  }
  return out;
}

std::string file_uri(std::string_view absolute_path, bool folder) {
  std::string uri = "file://" + percent_encode_path(absolute_path);
  if (folder && !uri.ends_with('/')) uri += '/';
  return uri;
}

ArtifactUri artifact_uri(std::string_view path, std::string_view working_directory) {
  namespace fs = std::filesystem;
  const fs::path given(path);
  if (given.is_absolute()) return {file_uri(given.lexically_normal().string()), std::nullopt};
  const fs::path normal = given.lexically_normal();
  const std::string relative = normal.generic_string();
  if (relative == ".." || relative.starts_with("../") || relative.empty() || relative == ".") {
    return {file_uri((fs::path(working_directory) / normal).lexically_normal().string()), std::nullopt};
  }
  // A first segment with ':' would read as a scheme ("c:x.json"): "./" keeps it a path.
  std::string uri = percent_encode_path(relative);
  const std::size_t colon = uri.find(':');
  if (colon != std::string::npos && colon < uri.find('/')) uri.insert(0, "./");
  return {std::move(uri), kSourceRootBaseId};
}

}  // namespace appflow_lint::format
