// Facts about the node being visited that several rules read: each is worked out on
// first use and then shared by every module that visits the node (the walk keeps one
// NodeFacts per node), so a URL is split once and a value is searched for
// placeholders once, however many rules look.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/rules/url/url_parts.hpp"

namespace appflow_lint::rules {

// A value worked out on first use. Until then its storage is left as it is: the walk
// makes a NodeFacts for every node and most facts are never asked for, so clearing
// their storage (as a std::optional of each would) was a measurable part of the walk.
template <typename T>
class ComputedOnce {
 public:
  ComputedOnce() noexcept {}  // NOLINT(modernize-use-equals-default): leaves value_ unconstructed
  ComputedOnce(const ComputedOnce&) = delete;
  ComputedOnce& operator=(const ComputedOnce&) = delete;
  ~ComputedOnce() {
    if (known_) std::destroy_at(&value_);
  }

  template <typename Compute>
  const T& get(Compute compute) const {
    if (!known_) {
      std::construct_at(&value_, compute());
      known_ = true;
    }
    return value_;
  }

 private:
  union {
    mutable T value_;
  };
  mutable bool known_ = false;
};

class NodeFacts {
 public:
  // `value`: the node's string (empty for other nodes).
  explicit NodeFacts(std::string_view value) noexcept : value_(value) {}

  // Inline: most calls find the fact already worked out (seven URL rules read one
  // URL), and a call into the library cost more than that answer.
  // placeholder::find_placeholder(value, sensitive).
  const std::optional<placeholder::Placeholder>& placeholder(bool sensitive) const {
    return placeholder_[sensitive ? 1 : 0].get([&] { return placeholder::find_placeholder(value_, sensitive); });
  }
  // url::parse_url(value).
  const std::optional<url::UrlParts>& url() const {
    return url_.get([&] { return url::parse_url(value_); });
  }

 private:
  std::string_view value_;
  ComputedOnce<std::optional<placeholder::Placeholder>> placeholder_[2];  // by `sensitive`
  ComputedOnce<std::optional<url::UrlParts>> url_;
};

}  // namespace appflow_lint::rules
