#include "appflow_lint/rules/arn/role_resource.hpp"

#include <algorithm>

#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/byte_set.hpp"

namespace appflow_lint::rules::arn {
namespace {

constexpr std::string_view kPrefix = "role/";
constexpr std::size_t kLongestName = 64;
constexpr text::ByteSet kNamePunctuation("+=,.@_-");

bool is_name_byte(char c) { return ascii::is_alnum(c) || kNamePunctuation.contains(c); }
bool is_path_byte(char c) { return c >= '\x21' && c <= '\x7E'; }

}  // namespace

bool is_role_resource(std::string_view resource) noexcept {
  if (!resource.starts_with(kPrefix)) return false;
  const std::string_view rest = resource.substr(kPrefix.size());
  const std::size_t last_slash = rest.rfind('/');
  const std::string_view name = last_slash == std::string_view::npos ? rest : rest.substr(last_slash + 1);
  if (name.empty() || name.size() > kLongestName || !std::all_of(name.begin(), name.end(), is_name_byte)) {
    return false;
  }
  if (last_slash == std::string_view::npos) return true;
  // Between "role/" and the name's '/': a path's inside, which the regex needs non-empty.
  const std::string_view path = rest.substr(0, last_slash);
  return !path.empty() && std::all_of(path.begin(), path.end(), is_path_byte);
}

}  // namespace appflow_lint::rules::arn
