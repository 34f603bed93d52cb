// SARIF partialFingerprints: what identifies a result across runs, so that a
// code-scanning service matches this run's alerts with the last one's instead of
// opening them again. Lines are left out: a result keeps its fingerprint when lines
// are inserted above it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace appflow_lint::format {

// The key in partialFingerprints; a new version gets a new key.
inline constexpr std::string_view kFingerprintKey = "appflowLint/v1";

// 64-bit FNV-1a, a small hash that is the same on every platform and release
// (std::hash promises neither).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL);

// 16 hex digits of the hash of rule id, JSON Pointer, path (as its artifact URI, so
// "./a.json" and "a.json" agree) and document index.
std::string result_fingerprint(std::string_view rule, std::string_view pointer, std::string_view path,
                               std::optional<std::size_t> document);

}  // namespace appflow_lint::format
