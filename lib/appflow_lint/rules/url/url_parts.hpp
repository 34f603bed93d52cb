// A URL split into its RFC 3986 components, for the url family.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appflow_lint::rules::url {

// Views into the parsed text, which must outlive the parts (the document's value does).
struct UrlParts {
  std::string_view scheme;     // as written; empty when there is none
  bool scheme_ok = false;      // ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), checked by parse_url
  bool has_authority = false;  // "//" follows the scheme
  bool has_userinfo = false;   // "...@" in the authority
  bool authority_ok = false;   // the authority is [userinfo@]host[:port] with a numeric port
  bool has_query = false;
  std::string_view query;

  // Lower-cased, without a trailing dot; IPv6 literals keep brackets.
  std::string_view host() const noexcept { return lowered_host_.empty() ? written_host_ : lowered_host_; }

  // An absolute URL with a scheme and a host (what every URL member needs).
  bool absolute() const { return scheme_ok && has_authority && authority_ok && !host().empty(); }
  bool scheme_is(std::string_view wanted) const;  // case-insensitive

  void set_host(std::string_view written);

 private:
  // Most hosts are written in lower case: then the host is a view of the text, and only
  // a host with capitals is copied (every URL of every request is split).
  std::string_view written_host_;
  std::string lowered_host_;
};

// Values longer than this are not parsed (no URL member allows more than 512 characters).
inline constexpr std::size_t kMaxUrlLength = 2048;

// Splits as the regular expression of RFC 3986 appendix B does, then the authority;
// nullopt only for values longer than kMaxUrlLength.
std::optional<UrlParts> parse_url(std::string_view text);

// The query's parameter names (percent-decoded), in order, for parameters with a non-empty value.
std::vector<std::string> query_parameters_with_values(std::string_view query);

}  // namespace appflow_lint::rules::url
