#include "appflow_lint/rules/url/url_parts.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace appflow_lint::rules::url {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// RFC 3986 appendix B, verbatim but for `[\s\S]` in the fragment (ECMAScript `.`
// stops at line breaks). Every string matches; the groups are
// 2 scheme, 3 "//" + authority, 4 authority, 5 path, 6 "?" + query, 7 query, 9 fragment.
const std::regex& uri_components() {
  static const std::regex re(R"(^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#([\s\S]*))?$)",
                             std::regex::optimize);
  return re;
}

// authority = [ userinfo "@" ] host [ ":" port ] (RFC 3986 section 3.2); the userinfo
// runs to the last "@", as browsers read it; host is an IP literal in brackets or a
// name without ":".
const std::regex& authority_components() {
  static const std::regex re(R"(^(?:([\s\S]*)@)?(\[[^\]]*\]|[^:@\[\]]*)(?::([0-9]*))?$)", std::regex::optimize);
  return re;
}

const std::regex& scheme_syntax() {
  static const std::regex re(R"(^[A-Za-z][A-Za-z0-9+.-]*$)", std::regex::optimize);
  return re;
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

bool UrlParts::scheme_ok() const { return std::regex_match(scheme, scheme_syntax()); }

bool UrlParts::scheme_is(std::string_view wanted) const { return lower(scheme) == wanted; }

std::optional<UrlParts> parse_url(std::string_view text) {
  if (text.size() > kMaxUrlLength) return std::nullopt;
  std::match_results<std::string_view::const_iterator> parts;
  if (!std::regex_match(text.begin(), text.end(), parts, uri_components())) return std::nullopt;
  UrlParts url;
  url.scheme = parts[2].str();
  url.has_authority = parts[3].matched;
  url.has_query = parts[6].matched;
  url.query = parts[7].str();
  if (url.has_authority) {
    const std::string authority = parts[4].str();
    std::smatch pieces;
    if (std::regex_match(authority, pieces, authority_components())) {
      url.authority_ok = true;
      url.has_userinfo = pieces[1].matched;
      url.host = lower(pieces[2].str());
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
