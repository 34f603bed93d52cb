#include "appflow_lint/rules/url/reserved_hosts.hpp"

#include <array>

namespace appflow_lint::rules::url {
namespace {

struct ReservedName {
  std::string_view domain;  // the name itself and every name under it
  std::string_view why;
};

constexpr std::string_view kDocumentation = "a documentation domain (RFC 2606), not a real endpoint";
constexpr std::string_view kReservedTld = "under a reserved top-level domain (RFC 2606, RFC 6761) that never resolves";
constexpr std::array<ReservedName, 8> kReserved{{
    {"example.com", kDocumentation},
    {"example.net", kDocumentation},
    {"example.org", kDocumentation},
    {"example.connection.url", "AWS's sample host from the AppFlow documentation"},
    {"example", kReservedTld},
    {"test", kReservedTld},
    {"invalid", kReservedTld},
    {"localhost", "the local machine (RFC 6761), which AppFlow cannot reach"},
}};

// The last byte first: it rules out most entries for most hosts without a memcmp call.
bool is_or_under(std::string_view host, std::string_view domain) {
  if (host.empty() || host.back() != domain.back()) return false;
  return host == domain ||
         (host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.');
}

}  // namespace

std::optional<std::string_view> reserved_host(std::string_view host, bool loopback_ok) {
  for (const ReservedName& name : kReserved) {
    if (!is_or_under(host, name.domain)) continue;
    if (loopback_ok && name.domain == "localhost") return std::nullopt;
    // The TLD entries match a host under them, never a bare label ("test" alone is a
    // single-label host, url.single-label-host's).
    if (host == name.domain && name.why == kReservedTld) return std::nullopt;
    return name.why;
  }
  return std::nullopt;
}

}  // namespace appflow_lint::rules::url
