// idempotency.token-reused: the same clientToken on two documents of one run
// whose requests differ. The service treats a token as one request for 8 hours
// and rejects the same token with different parameters.
//
// The check streams: each document is reduced, on its own, to a fingerprint (a
// digest of its token and one of its request), and the run keeps, per distinct
// token, the digest and the place of the first document that used it. A later
// document with that token and another request is reported, naming the first.
#include "appflow_lint/rules/idempotency/token_reuse.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/document/text_builder.hpp"
#include "appflow_lint/parse/document_parser.hpp"
#include "appflow_lint/run_checks.hpp"
#include "appflow_lint/source_map/line_index.hpp"
#include "appflow_lint/source_map/structure_index.hpp"
#include "appflow_lint/text/word.hpp"

namespace appflow_lint {
namespace rules {

const RuleInfo kTokenReused{
    .id = "idempotency.token-reused",
    .severity = Severity::Error,
    .category = RuleCategory::Correctness,
    .fix = FixAvailability::None,
    .since = "1.0.0",
    .summary = "The same clientToken on requests that differ",
    .docs = R"md(`clientToken` makes a request idempotent: AppFlow treats every request with
the same token (for 8 hours) as a retry of the first, and rejects one whose
parameters differ. Two documents of one run that share a token but not their
content will fail on the second call. The later document is reported, naming the
first one that used the token (the request the service accepts); a run is read in
order, so the first document cannot be told about the later ones. Identical
documents (a genuine retry of the first) are not reported.)md",
    .applies_to = "all requests (across the files and JSON Lines documents of one run)",
    .source = "the service model's documentation of clientToken (UpdateConnectorProfile, CreateConnectorProfile)",
    .failing_example = R"json(a.json: {"clientToken": "sync-2024-06-01", "connectionMode": "Public", ...}
b.json: {"clientToken": "sync-2024-06-01", "connectionMode": "Private", ...})json",
    .passing_example = R"json(a.json: {"clientToken": "sync-2024-06-01-a", ...}
b.json: {"clientToken": "sync-2024-06-01-b", ...})json",
};

}  // namespace rules

namespace {

// --- digests ---------------------------------------------------------------------

constexpr std::uint64_t mix(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Two 64-bit lanes fed the same words in different ways.
class Hasher {
 public:
  explicit Hasher(char tag) noexcept
      : a_(mix(0x243f6a8885a308d3ULL ^ static_cast<unsigned char>(tag))),
        b_(mix(0x13198a2e03707344ULL + static_cast<unsigned char>(tag))) {}

  void word(std::uint64_t w) noexcept {
    a_ = mix(a_ ^ w);
    b_ = mix((b_ + (w ^ 0xa4093822299f31d0ULL)) * 0x082efa98ec4e6c89ULL);
  }
  void digest(const Digest& d) noexcept {
    word(d[0]);
    word(d[1]);
  }
  void bytes(std::string_view value) noexcept {
    word(value.size());
    std::size_t at = 0;
    for (; at + text::kWordBytes <= value.size(); at += text::kWordBytes) word(text::load_word(value.data() + at));
    if (at < value.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, value.data() + at, value.size() - at);
      word(w);
    }
  }
  Digest done() const noexcept { return {mix(a_ ^ 0x452821e638d01377ULL), mix(b_ ^ mix(a_))}; }

 private:
  std::uint64_t a_;
  std::uint64_t b_;
};

Digest digest_of(char tag, std::uint64_t value) noexcept {
  Hasher hasher(tag);
  hasher.word(value);
  return hasher.done();
}

Digest digest_of(char tag, std::string_view text) noexcept {
  Hasher hasher(tag);
  hasher.bytes(text);
  return hasher.done();
}

Digest float_digest(double value) noexcept {
  std::uint64_t bits;
  static_assert(sizeof bits == sizeof value);
  std::memcpy(&bits, &value, sizeof bits);
  return digest_of('d', bits);
}

// An object from its (key, value) digests in any order: sorted by key, and where a
// key repeats the last one wins (as in the parsed value). Both fingerprint ways use it.
Digest object_digest(std::vector<std::pair<Digest, Digest>>& members) {
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Hasher hasher('{');
  std::size_t count = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].first == members[i].first) continue;  // the last one wins
    hasher.digest(members[i].first);
    hasher.digest(members[i].second);
    ++count;
  }
  hasher.word(count);
  return hasher.done();
}

// A SAX pass that digests the document as nlohmann::json would hold it: object members
// in key order whatever their order in the text, a repeated key's last value winning.
// Memory: the members of the open objects, never the document.
class FingerprintSax {
 public:
  using json = nlohmann::json;

  bool null() { return value(digest_of('n', std::uint64_t{0}), false); }
  bool boolean(bool v) { return value(digest_of(v ? 't' : 'f', std::uint64_t{0}), false); }
  bool number_integer(json::number_integer_t v) { return value(digest_of('i', static_cast<std::uint64_t>(v)), false); }
  bool number_unsigned(json::number_unsigned_t v) { return value(digest_of('u', v), false); }
  bool number_float(json::number_float_t v, const json::string_t&) { return value(float_digest(v), false); }
  bool string(json::string_t& v) { return value(digest_of('s', v), true); }
  bool binary(json::binary_t&) { return value(digest_of('b', std::uint64_t{0}), false); }
  bool start_object(std::size_t) {
    frames_.push_back(Frame{true, Hasher('{'), {}, {}, false, 0});
    return true;
  }
  bool key(json::string_t& k) {
    Frame& frame = frames_.back();
    frame.key = digest_of('k', k);
    frame.key_is_token = frames_.size() == 1 && k == "clientToken";
    return true;
  }
  bool end_object() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    const Digest digest = object_digest(frame.members);
    if (frames_.empty()) root_is_object_ = true;
    return value(digest, false);
  }
  bool start_array(std::size_t) {
    frames_.push_back(Frame{false, Hasher('['), {}, {}, false, 0});
    return true;
  }
  bool end_array() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    frame.array.word(frame.count);
    return value(frame.array.done(), false);
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

  RequestFingerprint result() const {
    RequestFingerprint out;
    if (!root_is_object_ || !token_) return out;
    out.has_token = true;
    out.token = *token_;
    out.request = root_;
    return out;
  }

 private:
  struct Frame {
    bool object;
    Hasher array;                                    // arrays: the elements in order
    std::vector<std::pair<Digest, Digest>> members;  // objects: (key, value)
    Digest key;
    bool key_is_token;
    std::uint64_t count;
  };

  bool value(const Digest& digest, bool is_string) {
    if (frames_.empty()) {
      root_ = digest;
      return true;
    }
    Frame& frame = frames_.back();
    if (frame.object) {
      if (frame.key_is_token) {
        if (is_string)
          token_ = digest;
        else
          token_.reset();
      }
      frame.members.emplace_back(frame.key, digest);
    } else {
      frame.array.digest(digest);
      ++frame.count;
    }
    return true;
  }

  std::vector<Frame> frames_;
  Digest root_{};
  bool root_is_object_ = false;
  std::optional<Digest> token_;
};

// The same digest from the tree the text front end builds: what FingerprintSax gives
// for the same text, so that documents read either way compare equal. nlohmann reads
// an integer written without a sign as unsigned, so the tree's signed integers are
// told apart by their text. The builder bounds the depth, so recursion is safe.
Digest digest_of(const document::Node& node, std::string_view text) {
  switch (node.kind()) {
    case document::Kind::Null:
      return digest_of('n', std::uint64_t{0});
    case document::Kind::Boolean:
      return digest_of(node.boolean() ? 't' : 'f', std::uint64_t{0});
    case document::Kind::Integer: {
      const bool signed_literal = node.located() && node.begin() < text.size() && text[node.begin()] == '-';
      return digest_of(signed_literal ? 'i' : 'u', static_cast<std::uint64_t>(node.integer()));
    }
    case document::Kind::Unsigned:
      return digest_of('u', node.unsigned_integer());
    case document::Kind::Float:
      return float_digest(node.number());
    case document::Kind::String:
      return digest_of('s', node.string());
    case document::Kind::Array: {
      Hasher hasher('[');
      for (const document::Node& element : node.elements()) hasher.digest(digest_of(element, text));
      hasher.word(node.size());
      return hasher.done();
    }
    case document::Kind::Object: {
      std::vector<std::pair<Digest, Digest>> members;
      members.reserve(node.size());
      for (const document::Member& member : node.members()) {
        members.emplace_back(digest_of('k', member.key), digest_of(member.value, text));
      }
      return object_digest(members);
    }
  }
  return {};
}

// --- the diagnostic ----------------------------------------------------------------

std::optional<Range> token_range(std::string_view text, std::uint32_t line_offset) {
  const auto index = source_map::StructureIndex::build(text);
  const source_map::NodeSpan* span = index.find("/clientToken");
  if (span == nullptr) return std::nullopt;
  const source_map::LineIndex lines(text);
  Range range = lines.range(span->value_begin, span->value_end);
  range.start.line += line_offset;
  range.end.line += line_offset;
  return range;
}

}  // namespace

RequestFingerprint fingerprint_request(std::string_view text) {
  // Most documents carry no token: skip the parse unless the name may be there
  // (spelt out, or hidden behind a \u escape).
  if (text.find("clientToken") == std::string_view::npos && text.find("\\u") == std::string_view::npos) return {};
  {
    thread_local document::TextBuilder builder;
    document::Tree tree;
    if (builder.build(text, tree, parse::kDefaultMaxDepth, parse::kDefaultMaxEntries)) {
      return rules::fingerprint_tree(tree.root(), text);
    }
  }
  // Anything the text front end does not take (repeated keys, a syntax error, ...).
  return rules::fingerprint_request_exact(text);
}

namespace rules {

RequestFingerprint fingerprint_tree(const document::Node& root, std::string_view text) {
  const document::Node* token = root.find("clientToken");
  if (!root.is_object() || token == nullptr || !token->is_string()) return {};
  return RequestFingerprint{true, digest_of('s', token->string()), digest_of(root, text)};
}

RequestFingerprint fingerprint_request_exact(std::string_view text) {
  FingerprintSax sax;
  if (!nlohmann::json::sax_parse(text, &sax)) return {};
  return sax.result();
}

}  // namespace rules

struct CrossDocumentChecks::FirstUses {
  struct Use {
    Digest request;
    std::uint64_t index_plus_one;  // 0: a whole file
    std::uint32_t source;
  };
  struct DigestHash {
    std::size_t operator()(const Digest& digest) const noexcept { return static_cast<std::size_t>(digest[0]); }
  };
  std::vector<std::string> sources;
  std::unordered_map<Digest, Use, DigestHash> by_token;
};

CrossDocumentChecks::CrossDocumentChecks() : first_uses_(std::make_unique<FirstUses>()) {}
CrossDocumentChecks::~CrossDocumentChecks() = default;
CrossDocumentChecks::CrossDocumentChecks(CrossDocumentChecks&&) noexcept = default;
CrossDocumentChecks& CrossDocumentChecks::operator=(CrossDocumentChecks&&) noexcept = default;

std::size_t CrossDocumentChecks::tokens() const noexcept { return first_uses_->by_token.size(); }

std::uint32_t CrossDocumentChecks::add_source(std::string name) {
  first_uses_->sources.push_back(std::move(name));
  return static_cast<std::uint32_t>(first_uses_->sources.size() - 1);
}

std::optional<Diagnostic> CrossDocumentChecks::check(std::uint32_t source, std::optional<std::size_t> index,
                                                     std::string_view text, std::uint32_t line_offset,
                                                     const RequestFingerprint& fingerprint) {
  if (!fingerprint.has_token) return std::nullopt;
  const auto [first, inserted] = first_uses_->by_token.try_emplace(
      fingerprint.token, FirstUses::Use{fingerprint.request, index ? *index + 1 : 0, source});
  if (inserted || first->second.request == fingerprint.request) return std::nullopt;
  const FirstUses::Use& use = first->second;
  const std::string& name = first_uses_->sources.at(use.source);
  const std::string label = use.index_plus_one ? fmt::format("{} line {}", name, use.index_plus_one) : name;
  Diagnostic diagnostic;
  diagnostic.rule = std::string(rules::kTokenReused.id);
  diagnostic.severity = rules::kTokenReused.severity;
  diagnostic.pointer = "/clientToken";
  diagnostic.message = fmt::format(
      "clientToken is also used by {} for a different request; the service rejects a token reused with "
      "different parameters",
      label);
  diagnostic.range = token_range(text, line_offset);
  diagnostic.suggestions.push_back({"give each distinct request its own clientToken", std::nullopt});
  return diagnostic;
}

void insert_in_order(std::vector<Diagnostic>& diagnostics, Diagnostic diagnostic) {
  const auto position = std::upper_bound(diagnostics.begin(), diagnostics.end(), diagnostic,
                                         [](const Diagnostic& a, const Diagnostic& b) {
                                           const Position pa = a.range ? a.range->start : Position{};
                                           const Position pb = b.range ? b.range->start : Position{};
                                           return std::tie(pa.line, pa.column) < std::tie(pb.line, pb.column);
                                         });
  diagnostics.insert(position, std::move(diagnostic));
}

void check_across_documents(ArrayView<DocumentInRun> documents) {
  CrossDocumentChecks checks;
  for (auto& document : documents) {
    const std::uint32_t source = checks.add_source(document.label);
    auto found =
        checks.check(source, std::nullopt, document.text, document.line_offset, fingerprint_request(document.text));
    if (found && document.result != nullptr) insert_in_order(document.result->diagnostics, std::move(*found));
  }
}

}  // namespace appflow_lint
