// SARIF artifact locations: a path as the CLI shows it, made a valid URI reference
// (RFC 3986). Relative paths stay relative to the base id %SRCROOT% (the working
// directory, given in the run's originalUriBaseIds); absolute paths become file:///
// URIs. Code-scanning services match either against the repository's files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace appflow_lint::format {

// The base id of relative artifact locations.
inline constexpr std::string_view kSourceRootBaseId = "%SRCROOT%";

// Percent-encodes every byte of a path but RFC 3986's unreserved characters, its
// sub-delims, ':', '@' and the '/' between segments, so '%', '#', '?', '[', ']',
// spaces, controls and non-ASCII bytes (UTF-8, one %XX per byte) are encoded.
std::string percent_encode_path(std::string_view path);

// A file:/// URI for an absolute path (a folder's ends in '/' when `folder` is set).
std::string file_uri(std::string_view absolute_path, bool folder = false);

struct ArtifactUri {
  std::string uri;
  std::optional<std::string_view> base_id;  // kSourceRootBaseId for a relative uri
};

// The location of the file shown as `path`: "./a b.json" is "a%20b.json" relative to
// %SRCROOT%; "/abs/x.json" is "file:///abs/x.json"; a relative path that climbs above
// the working directory ("../x.json") is made absolute against `working_directory`
// (an absolute path), since a base id cannot be left by its own references.
ArtifactUri artifact_uri(std::string_view path, std::string_view working_directory);

}  // namespace appflow_lint::format
