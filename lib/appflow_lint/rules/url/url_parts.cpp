#include "appflow_lint/rules/url/url_parts.hpp"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

namespace appflow_lint::rules::url {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// RFC 3986 appendix B, verbatim but for `(?s:.)` in the fragment (`.` stops at line
// breaks). Every string matches; the groups are
// 1 scheme, 2 "//" + authority, 3 authority, 4 "?" + query, 5 query (the rest do not capture).
const re2::RE2& uri_components() {
  static const re2::RE2 re(R"((?:([^:/?#]+):)?(//([^/?#]*))?[^?#]*(\?([^#]*))?(?:#(?s:.)*)?)");
  return re;
}

// authority = [ userinfo "@" ] host [ ":" port ] (RFC 3986 section 3.2); the userinfo
// runs to the last "@", as browsers read it; host is an IP literal in brackets or a
// name without ":".
const re2::RE2& authority_components() {
  static const re2::RE2 re(R"((?:((?s:.)*)@)?(\[[^\]]*\]|[^:@\[\]]*)(?::[0-9]*)?)");
  return re;
}

const re2::RE2& scheme_syntax() {
  static const re2::RE2 re(R"([A-Za-z][A-Za-z0-9+.-]*)");
  return re;
}

// An unmatched RE2 group leaves its piece with no data.
bool matched(const re2::StringPiece& piece) { return piece.data() != nullptr; }

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

bool UrlParts::scheme_ok() const { return re2::RE2::FullMatch(scheme, scheme_syntax()); }

bool UrlParts::scheme_is(std::string_view wanted) const { return lower(scheme) == wanted; }

std::optional<UrlParts> parse_url(std::string_view text) {
  if (text.size() > kMaxUrlLength) return std::nullopt;
  re2::StringPiece scheme, slashes_authority, authority, question_query, query;
  if (!re2::RE2::FullMatch(text, uri_components(), &scheme, &slashes_authority, &authority, &question_query,
                           &query)) {
    return std::nullopt;
  }
  UrlParts url;
  url.scheme = std::string(scheme);
  url.has_authority = matched(slashes_authority);
  url.has_query = matched(question_query);
  url.query = std::string(query);
  if (url.has_authority) {
    re2::StringPiece userinfo, host;
    if (re2::RE2::FullMatch(authority, authority_components(), &userinfo, &host)) {
      url.authority_ok = true;
      url.has_userinfo = matched(userinfo);
      url.host = lower(std::string(host));
      if (url.host.size() > 1 && url.host.back() == '.') url.host.pop_back();
    }
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
