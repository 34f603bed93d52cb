#include "appflow_lint/rules/node_facts.hpp"

namespace appflow_lint::rules {

const std::optional<placeholder::Placeholder>& NodeFacts::placeholder(bool sensitive) const {
  auto& slot = placeholder_[sensitive ? 1 : 0];
  if (!slot) slot.emplace(placeholder::find_placeholder(value_, sensitive));
  return *slot;
}

const std::optional<url::UrlParts>& NodeFacts::url() const {
  if (!url_) url_.emplace(url::parse_url(value_));
  return *url_;
}

}  // namespace appflow_lint::rules
