#include "appflow_lint/secrets/secret_walk.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "appflow_lint/secrets/redactions.hpp"
#include "appflow_lint/secrets/url_credentials.hpp"

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

// Shorter strings ("true", "abc") are too likely to be ordinary words of a message.
constexpr std::size_t kMinSecretLength = 4;

void add_string(std::vector<std::string>& out, std::string text) {
  if (text.size() < kMinSecretLength) return;
  // Only quotes, backslashes and control characters change when escaped.
  const bool plain = std::none_of(
      text.begin(), text.end(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20U; });
  if (!plain) {
    std::string escaped = json(text).dump();
    escaped = escaped.substr(1, escaped.size() - 2);
    if (escaped != text) out.push_back(std::move(escaped));
  }
  out.push_back(std::move(text));
}

// A number as nlohmann writes it, the form a message that quotes it would use.
std::string number_text(const document::Node& node) {
  if (node.kind() == document::Kind::Integer) return json(node.integer()).dump();
  if (node.kind() == document::Kind::Unsigned) return json(node.unsigned_integer()).dump();
  return json(node.number()).dump();
}

struct Step {
  const document::Node* node;
  NodeExposure exposure;
  const document::Member* member;  // the member it is the value of, if any
  bool masking;                    // no span of an enclosing node covers it yet
};

class SecretWalk {
 public:
  SecretWalk(const SecretPolicy& policy, const SecretsWanted& wanted) : policy_(policy), wanted_(wanted) {}

  SecretsFound run(const document::Node& document) {
    // Iterative: documents nest as deep as the parser allows. Room for a request's
    // usual size up front: growing each list from nothing cost a faulty request about
    // ten allocations.
    pending_.reserve(kUsualNodes);
    found_.spans.reserve(kUsualSpans);
    pending_.push_back({&document, policy_.root(), nullptr, wanted_.text.has_value()});
    while (!pending_.empty()) {
      const Step step = pending_.back();
      pending_.pop_back();
      visit(step);
    }
    if (wanted_.strings) sort_strings();
    found_.spans = merged_spans(std::move(found_.spans));
    return std::move(found_);
  }

 private:
  void visit(const Step& step) {
    const document::Node& node = *step.node;
    const NodeExposure& exposure = step.exposure;
    // The masks: a hidden key, and a node the policy does not show (below it, nothing
    // more needs a span of its own).
    bool masking = step.masking && node.located();
    if (masking) masking = mask(step);
    const bool secret = exposure.value == Exposure::Secret;
    if (node.is_string()) {
      if (secret && wanted_.strings) add_string(found_.strings, std::string(node.string()));
    } else if (node.is_number()) {
      if (secret && wanted_.strings) add_string(found_.strings, number_text(node));
    } else if (node.is_object()) {
      for (const document::Member& member : node.members()) {
        const NodeExposure child = policy_.member(exposure, member.key);
        if (child.key_hidden && wanted_.strings) add_string(found_.strings, std::string(member.key));
        // A child is walked for its spans while no mask covers it, and for secret strings
        // wherever they are wanted (a hidden key may sit below any node).
        if (masking || wanted_.strings) pending_.push_back({&member.value, child, &member, masking});
      }
    } else if (node.is_array()) {
      for (const document::Node& element : node.elements()) {
        if (masking || wanted_.strings) pending_.push_back({&element, policy_.element(exposure), nullptr, masking});
      }
    }
  }

  // Adds the spans `step` calls for; false when the node's whole value is masked (or
  // quoted as it is), so that its descendants need none.
  bool mask(const Step& step) {
    const document::Node& node = *step.node;
    const NodeExposure& exposure = step.exposure;
    auto& spans = found_.spans;
    if (exposure.key_hidden && step.member != nullptr && step.member->key_begin != document::kNoOffset) {
      spans.emplace_back(step.member->key_begin, step.member->key_end);
    }
    if (!exposure.shown()) {
      // true, false and null carry nothing secret outside a secret (`"kmsArn": null` reads better).
      if (!(exposure.value == Exposure::Hidden && (node.is_boolean() || node.is_null()))) {
        spans.emplace_back(node.begin(), node.end());
      }
      return false;
    }
    if (node.is_structured()) return true;
    if (!policy_.may_quote(exposure, node)) {
      spans.emplace_back(node.begin(), node.end());
    } else if (node.is_string()) {
      const std::string_view literal = wanted_.text->substr(node.begin(), node.end() - node.begin());
      add_url_credential_spans(literal, node.begin(), spans);
    }
    return false;
  }

  // Longest first, so a secret that contains another is replaced whole.
  void sort_strings() {
    auto& strings = found_.strings;
    std::sort(strings.begin(), strings.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
  }

  static constexpr std::size_t kUsualNodes = 64;
  static constexpr std::size_t kUsualSpans = 16;

  const SecretPolicy& policy_;
  const SecretsWanted& wanted_;
  std::vector<Step> pending_;
  SecretsFound found_;
};

}  // namespace

SecretsFound find_secrets(const SecretPolicy& policy, const document::Node& document, const SecretsWanted& wanted) {
  return SecretWalk(policy, wanted).run(document);
}

}  // namespace appflow_lint::secrets
