// Host names that never name a connector's real endpoint: the documentation domains
// and reserved top-level domains of RFC 2606 and RFC 6761, and AWS's own sample host.
// Shared by url.example-host, which reports them, and the URL rules that step aside.
#pragma once

#include <optional>
#include <string_view>

namespace appflow_lint::rules::url {

// Why `host` (lower-case, as UrlParts keeps it) is reserved, in words for a message
// ("a documentation domain (RFC 2606)"); nullopt for any other host. `localhost`
// itself counts only when `loopback_ok` is false (a redirectUri may be loopback).
std::optional<std::string_view> reserved_host(std::string_view host, bool loopback_ok);

}  // namespace appflow_lint::rules::url
