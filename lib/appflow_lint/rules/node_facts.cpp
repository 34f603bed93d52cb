#include "appflow_lint/rules/node_facts.hpp"

namespace appflow_lint::rules {

const std::optional<placeholder::Placeholder>& NodeFacts::placeholder(bool sensitive) const {
  return placeholder_[sensitive ? 1 : 0].get([&] { return placeholder::find_placeholder(value_, sensitive); });
}

const std::optional<url::UrlParts>& NodeFacts::url() const {
  return url_.get([&] { return url::parse_url(value_); });
}

}  // namespace appflow_lint::rules
