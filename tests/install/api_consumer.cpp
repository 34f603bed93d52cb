// A program outside the project that uses the parts of the public API that once
// needed C++20 (std::span, defaulted operator==): tests/install builds it against
// the installed headers once with -std=c++17 and once with -std=c++20, and runs it.
// Prints what it checked; exit status 1 on the first thing that is not as documented.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <appflow_lint/appflow_lint.hpp>
#if __cplusplus >= 202002L
#include <span>
#endif

namespace {

int failures = 0;

void expect(bool holds, const char* what) {
  std::printf("%s: %s\n", holds ? "ok" : "FAILED", what);
  if (!holds) ++failures;
}

bool has_rule(const appflow_lint::LintResult& result, std::string_view rule) {
  for (const appflow_lint::Diagnostic& d : result.diagnostics) {
    if (d.rule == rule) return true;
  }
  return false;
}

}  // namespace

int main() {
  std::printf("C++ %ld\n", static_cast<long>(__cplusplus));

  // list_rules(): an ArrayView, iterated, indexed and sized like a span.
  const appflow_lint::ArrayView<const appflow_lint::RuleInfo> rules = appflow_lint::list_rules();
  std::size_t counted = 0;
  bool sorted = true;
  for (const appflow_lint::RuleInfo& rule : rules) {
    if (counted > 0 && !(rules[counted - 1].id < rule.id)) sorted = false;
    ++counted;
  }
  expect(!rules.empty() && counted == rules.size(), "list_rules() iterates over size() rules");
  expect(sorted, "list_rules() is sorted by id");
  const appflow_lint::RuleInfo* pattern = appflow_lint::find_rule("schema.pattern");
  expect(pattern != nullptr && pattern->id == "schema.pattern", "find_rule(\"schema.pattern\")");
#if __cplusplus >= 202002L
  const std::span<const appflow_lint::RuleInfo> as_span = appflow_lint::list_rules();
  expect(as_span.data() == rules.data() && as_span.size() == rules.size(), "a std::span of list_rules()");
#endif

  // Position and Range compare with == and !=.
  const appflow_lint::Range a{{1, 2}, {1, 5}};
  const appflow_lint::Range b{{1, 2}, {1, 6}};
  expect(a == a && a != b && a.start == b.start && a.end != b.end, "Range and Position == and !=");

  // check_across_documents() takes the documents as a std::vector.
  const appflow_lint::Linter linter;
  const std::string first = R"({"connectorProfileName": "first", "clientToken": "token-1"})";
  const std::string second = R"({"connectorProfileName": "second", "clientToken": "token-1"})";
  std::vector<appflow_lint::LintResult> results{linter.lint_text(first), linter.lint_text(second)};
  std::vector<appflow_lint::DocumentInRun> documents{{"first.json", first, 0, &results[0]},
                                                     {"second.json", second, 0, &results[1]}};
  appflow_lint::check_across_documents(documents);
  expect(!has_rule(results[0], "idempotency.token-reused"), "the first use of a token is not reported");
  expect(has_rule(results[1], "idempotency.token-reused"), "the reuse of a token for another request is reported");

  std::printf("%s\n", failures == 0 ? "all checks passed" : "some checks failed");
  return failures == 0 ? 0 : 1;
}
