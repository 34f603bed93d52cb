#include "appflow_lint/rules/url/url_parts.hpp"
#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/byte_set.hpp"

#include <algorithm>

namespace appflow_lint::rules::url {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = ascii::lower(c);
  return text;
}

constexpr text::ByteSet kSchemeEnd(":/?#");
constexpr text::ByteSet kAuthorityEnd("/?#");
constexpr text::ByteSet kPathEnd("?#");
constexpr text::ByteSet kHostEnd(":@[]");

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ): two character classes, tested
// directly (RE2's call alone costs more than the whole test on every URL).
constexpr text::ByteSet kSchemeFirst("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
constexpr text::ByteSet kSchemeRest("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-.");

bool valid_scheme(std::string_view scheme) {
  return !scheme.empty() && kSchemeFirst.contains(scheme.front()) &&
         std::all_of(scheme.begin() + 1, scheme.end(), [](char c) { return kSchemeRest.contains(c); });
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// authority = [ userinfo "@" ] host [ ":" port ] (RFC 3986 section 3.2); the userinfo
// runs to the last "@", as browsers read it; host is an IP literal in brackets or a
// name without ":", "@", "[" or "]"; the port is digits (possibly none).
bool split_authority(std::string_view authority, bool& has_userinfo, std::string_view& host) {
  const std::size_t at = authority.rfind('@');
  has_userinfo = at != std::string_view::npos;
  std::string_view rest = has_userinfo ? authority.substr(at + 1) : authority;
  std::size_t host_end = 0;
  if (!rest.empty() && rest.front() == '[') {
    host_end = rest.find(']');
    if (host_end == std::string_view::npos) return false;
    ++host_end;
  } else {
    host_end = kHostEnd.end_of_part(rest);
  }
  host = rest.substr(0, host_end);
  const std::string_view port = rest.substr(host_end);
  return port.empty() || (port.front() == ':' && all_digits(port.substr(1)));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

bool UrlParts::scheme_is(std::string_view wanted) const { return ascii::equal_ignoring_case(scheme, wanted); }

void UrlParts::set_host(std::string_view written) {
  if (written.size() > 1 && written.back() == '.') written.remove_suffix(1);
  written_host_ = written;
  lowered_host_.clear();
  if (std::any_of(written.begin(), written.end(), [](char c) { return ascii::lower(c) != c; })) {
    lowered_host_ = lower(std::string(written));
  }
}

// The split of RFC 3986 appendix B's regular expression
//   ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
// written out as the four searches it amounts to: the match is fixed by the first
// ':', "//", '?' and '#' (a regex engine's capture path costs ~50x more here, and every
// URL member of every request is split).
std::optional<UrlParts> parse_url(std::string_view text) {
  if (text.size() > kMaxUrlLength) return std::nullopt;
  UrlParts url;
  std::string_view rest = text;
  const std::size_t colon = kSchemeEnd.find_first_in(rest);
  if (colon != std::string_view::npos && colon > 0 && rest[colon] == ':') {
    url.scheme = rest.substr(0, colon);
    url.scheme_ok = valid_scheme(url.scheme);
    rest.remove_prefix(colon + 1);
  }
  if (rest.starts_with("//")) {
    url.has_authority = true;
    rest.remove_prefix(2);
    const std::size_t end = kAuthorityEnd.end_of_part(rest);
    std::string_view host;
    bool has_userinfo = false;
    if (split_authority(rest.substr(0, end), has_userinfo, host)) {
      url.authority_ok = true;
      url.has_userinfo = has_userinfo;
      url.set_host(host);
    }
    rest.remove_prefix(end);
  }
  rest.remove_prefix(kPathEnd.end_of_part(rest));  // the path
  if (rest.starts_with('?')) {
    url.has_query = true;
    url.query = rest.substr(1, rest.find('#') == std::string_view::npos ? rest.npos : rest.find('#') - 1);
  }
  return url;
}

std::vector<std::string> query_parameters_with_values(std::string_view query) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && equals + 1 < pair.size()) {
      names.push_back(percent_decode(pair.substr(0, equals)));
    }
    start = end + 1;
  }
  return names;
}

}  // namespace appflow_lint::rules::url
