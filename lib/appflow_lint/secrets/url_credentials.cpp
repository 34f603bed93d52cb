#include "appflow_lint/secrets/url_credentials.hpp"

#include <array>
#include <cctype>

#include "appflow_lint/secrets/secret_policy.hpp"

namespace appflow_lint::secrets {
namespace {

// Parameter names (normalised) whose values are credentials; deny by default, so
// broad: "key" covers api_key and X-Amz-Credential's neighbours, "sig" signatures.
constexpr std::array<std::string_view, 11> kCredentialWords{
    "password", "passwd", "pwd", "secret", "token", "key", "sig", "auth", "credential", "session", "code"};

bool ends_value(char c) {
  return c == '&' || c == ';' || c == '#' || c == '"' || c == '\'' || std::isspace(static_cast<unsigned char>(c));
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

bool credential_name(std::string_view name) {
  const std::string normalized = normalized_name(name);
  for (std::string_view word : kCredentialWords) {
    if (normalized.find(word) != std::string::npos) return true;
  }
  return false;
}

void add_userinfo(std::string_view literal, std::size_t base, std::vector<ByteSpan>& out) {
  for (std::size_t scheme_end = literal.find("://"); scheme_end != std::string_view::npos;
       scheme_end = literal.find("://", scheme_end + 3)) {
    const std::size_t authority = scheme_end + 3;
    std::size_t end = authority;
    while (end < literal.size() && literal[end] != '/' && literal[end] != '?' && literal[end] != '#' &&
           literal[end] != '"' && !std::isspace(static_cast<unsigned char>(literal[end]))) {
      ++end;
    }
    const std::size_t at = literal.substr(authority, end - authority).rfind('@');
    if (at != std::string_view::npos && at > 0) out.emplace_back(base + authority, base + authority + at);
  }
}

void add_credential_values(std::string_view literal, std::size_t base, std::vector<ByteSpan>& out) {
  for (std::size_t equals = literal.find('='); equals != std::string_view::npos;
       equals = literal.find('=', equals + 1)) {
    std::size_t name_begin = equals;
    while (name_begin > 0 && is_name_char(literal[name_begin - 1])) --name_begin;
    if (name_begin == equals || !credential_name(literal.substr(name_begin, equals - name_begin))) continue;
    std::size_t value_end = equals + 1;
    while (value_end < literal.size() && !ends_value(literal[value_end])) ++value_end;
    if (value_end > equals + 1) out.emplace_back(base + equals + 1, base + value_end);
  }
}

}  // namespace

void add_url_credential_spans(std::string_view literal, std::size_t base, std::vector<ByteSpan>& out) {
  // Userinfo ends at an '@': most URLs have none, and memchr says so faster than a
  // scan of each authority.
  if (literal.find('@') != std::string_view::npos) add_userinfo(literal, base, out);
  add_credential_values(literal, base, out);
}

}  // namespace appflow_lint::secrets
