// Checks that span the documents of one run (several files, or the lines of a
// JSON Lines file), such as a clientToken reused for different requests.
//
// Two forms: check_across_documents() for a caller that holds every document, and
// CrossDocumentChecks for a stream: documents are handed to it one at a time, in
// run order, and it keeps a few dozen bytes per distinct clientToken, never the
// documents themselves.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/array_view.hpp"
#include "appflow_lint/lint.hpp"

namespace appflow_lint {

struct DocumentInRun {
  std::string label;              // how messages name it: "a.json", "b.jsonl line 3"
  std::string_view text;          // the document's own text
  std::uint32_t line_offset = 0;  // added to its lines (a JSON Lines document's line in its file)
  LintResult* result = nullptr;   // where diagnostics are appended
};

// Appends cross-document diagnostics to the documents' results (kept sorted).
// The documents are taken in the order given: a document is reported when it reuses
// the clientToken of an earlier one for a different request, naming the first
// document that used the token (the one the service will have accepted).
void check_across_documents(ArrayView<DocumentInRun> documents);

// 128 bits of a digest (not cryptographic: it tells requests apart, it hides nothing).
using Digest = std::array<std::uint64_t, 2>;

// What the cross-document checks need to know about one document, computed from its
// text alone: pure, and safe to call from many threads at once.
struct RequestFingerprint {
  bool has_token = false;  // a top-level string clientToken in a document that parses
  Digest token{};          // digest of the clientToken's value
  Digest request{};        // digest of the whole request; object members in any order
};

RequestFingerprint fingerprint_request(std::string_view text);

// The streaming form. Not thread-safe: one instance, fed in run order (the order the
// documents are reported in), so that the answer does not depend on scheduling.
class CrossDocumentChecks {
 public:
  CrossDocumentChecks();
  ~CrossDocumentChecks();
  CrossDocumentChecks(CrossDocumentChecks&&) noexcept;
  CrossDocumentChecks& operator=(CrossDocumentChecks&&) noexcept;

  // A file (or standard input) of the run; `name` is how messages name it.
  std::uint32_t add_source(std::string name);

  // One document of `source`, after the earlier ones. `index` is the 0-based line of a
  // JSON Lines document (messages say "NAME line N"), std::nullopt for a whole file.
  // `text` and `line_offset` are only read when a diagnostic is returned (for its
  // range). Returns what this document breaks given the documents before it.
  std::optional<Diagnostic> check(std::uint32_t source, std::optional<std::size_t> index, std::string_view text,
                                  std::uint32_t line_offset, const RequestFingerprint& fingerprint);

  // How many distinct clientTokens it holds.
  std::size_t tokens() const noexcept;

 private:
  // The first use of each token lives behind a pointer so that this header does not
  // need <unordered_map>, whose cost every includer would pay (docs/library.md).
  struct FirstUses;
  std::unique_ptr<FirstUses> first_uses_;
};

// Inserts `diagnostic` after those that start before it or at the same place.
void insert_in_order(std::vector<Diagnostic>& diagnostics, Diagnostic diagnostic);

}  // namespace appflow_lint
