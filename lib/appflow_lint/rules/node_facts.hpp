// Facts about the node being visited that several rules read: each is worked out on
// first use and then shared by every module that visits the node (the walk keeps one
// NodeFacts per node), so a URL is split once and a value is searched for
// placeholders once, however many rules look.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules {

class NodeFacts {
 public:
  // `value`: the node's string (empty for other nodes).
  explicit NodeFacts(std::string_view value) noexcept : value_(value) {}

  // placeholder::find_placeholder(value, sensitive).
  const std::optional<placeholder::Placeholder>& placeholder(bool sensitive) const;
  // url::parse_url(value).
  const std::optional<url::UrlParts>& url() const;

 private:
  std::string_view value_;
  mutable std::array<std::optional<std::optional<placeholder::Placeholder>>, 2> placeholder_;  // by `sensitive`
  mutable std::optional<std::optional<url::UrlParts>> url_;
};

}  // namespace appflow_lint::rules
