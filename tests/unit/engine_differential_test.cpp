// The one-pass engine against its references, on every fixture case and on over
// 100,000 random mutations of valid requests:
//   - schema verdict and the set of (rule, pointer) of schema diagnostics, against
//     valijson + RE2 and the keyword-by-keyword walk (support/reference_validator);
//   - the simdjson text path against the exact nlohmann path: the same diagnostics,
//     messages and ranges, byte for byte.
// A mismatch prints the document, so it can become a fixture case.
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/appflow_lint.hpp"
#include "appflow_lint/linter_impl.hpp"
#include "appflow_lint/rules/idempotency/token_reuse.hpp"
#include "appflow_lint/schema_engine/schema_bundle.hpp"
#include "appflow_lint/schema_engine/schema_validator.hpp"
#include "case_file.hpp"
#include "json_paths.hpp"
#include "reference_validator.hpp"

namespace appflow_lint {
namespace {

using nlohmann::json;
using testing::RulePointer;

constexpr int kMutations = 100'000;

std::set<RulePointer> engine_faults(const schema_engine::SchemaValidator& engine, const json& document, bool& valid) {
  Reporter out;
  valid = engine.validate(document, out);
  std::set<RulePointer> found;
  for (const auto& diagnostic : out.diagnostics()) found.emplace(std::string(diagnostic.rule->id), diagnostic.pointer);
  return found;
}

std::string describe(const LintResult& result) {
  std::ostringstream out;
  for (const auto& d : result.diagnostics) {
    out << d.rule << " " << d.pointer << " ";
    if (d.range)
      out << d.range->start.line << ":" << d.range->start.column << "-" << d.range->end.line << ":"
          << d.range->end.column;
    out << " " << d.message << "\n";
    for (const auto& s : d.suggestions) {
      out << "  suggest " << s.message;
      if (s.replacement) out << " -> " << s.replacement->text;
      out << "\n";
    }
  }
  for (const auto& r : result.redactions) {
    out << "mask " << r.start.line << ":" << r.start.column << "-" << r.end.line << ":" << r.end.column << "\n";
  }
  for (const auto& note : result.notes) out << "note " << note << "\n";
  return out.str();
}

struct Engines {
  schema_engine::SchemaValidator engine{
      schema_bundle::kUpdateConnectorProfileRequest, "UpdateConnectorProfile", {}, ""};
  testing::ReferenceValidator reference{schema_bundle::kUpdateConnectorProfileRequest};
  Linter linter;

  // Returns whether the reference found the document valid.
  bool agree(const json& document, const std::string& label) {
    bool valid = false;
    const auto found = engine_faults(engine, document, valid);
    const bool reference_valid = reference.valid(document);
    EXPECT_EQ(valid, reference_valid) << label << ": " << document.dump();
    EXPECT_EQ(found, reference.faults(document)) << label << ": " << document.dump();
    return reference_valid;
  }

  void same_text_paths(const std::string& text, const std::string& label) {
    const std::string fast = describe(linter.lint_text(text));
    const std::string exact = describe(linter.impl().lint_text_exact(text));
    EXPECT_EQ(fast, exact) << label << ": " << text;
    same_fingerprints(text, label);
  }

  // idempotency.token-reused compares fingerprints across documents, whichever way
  // each was read, so the tree's digest must be the SAX pass's.
  static void same_fingerprints(const std::string& text, const std::string& label) {
    const RequestFingerprint fast = fingerprint_request(text);
    const RequestFingerprint exact = rules::fingerprint_request_exact(text);
    EXPECT_EQ(fast.has_token, exact.has_token) << label << ": " << text;
    EXPECT_EQ(fast.token, exact.token) << label << ": " << text;
    EXPECT_EQ(fast.request, exact.request) << label << ": " << text;
  }
};

Engines& engines() {
  static Engines instance;
  return instance;
}

std::vector<std::string> fixture_documents() {
  std::vector<std::string> documents;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(APPFLOW_LINT_RULE_CASES_DIR)) {
    if (entry.path().extension() != ".case") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    documents.push_back(testing::parse_case_file(content.str()).document);
  }
  return documents;
}

TEST(EngineDifferential, FixtureCases) {
  const auto documents = fixture_documents();
  ASSERT_GT(documents.size(), 300u);
  for (const auto& text : documents) {
    engines().same_text_paths(text, "fixture");
    const json document = json::parse(text, nullptr, false);
    if (!document.is_discarded()) engines().agree(document, "fixture");
  }
}

// Texts at the edges of what simdjson's path takes: each must come out exactly as the
// exact path writes it (most of them go there; the rest must agree anyway).
TEST(EngineDifferential, EdgeTexts) {
  std::vector<std::string> texts{
      "{}",
      "[]",
      "[1, 2",
      "{\"a\":1,}",
      "\"just a string\"",
      "42",
      "null",
      "   {}   ",
      "{} x",
      "{}{}",
      "\xEF\xBB\xBF{\"connectorProfileName\": \"x\"}",
      "{\"connectorProfileName\": \"\\ud800\"}",
      "{\"connectorProfileName\": \"\\udc00x\"}",
      "{\"connectorProfileName\": \"a\\u0000b\"}",
      "{\"connectorProfileName\": \"a\x01b\"}",
      "{\"kmsArn\": null\x01\x00\t}",
      "{\"kmsArn\": nul}",
      "{\"kmsArn\": true\x01}",
      "{\"connectorProfileName\": \"\xC3\x28\"}",
      "{\"connectorProfileName\": 1e400}",
      "{\"connectionMode\": -0}",
      "{\"connectionMode\": -0.0}",
      "{\"connectorProfileName\": 18446744073709551616}",
      "{\"connectorProfileName\": 9223372036854775808}",
      "{\"connectorProfileName\": -9223372036854775809}",
      "{\"a\": 1, \"a\": 2}",
      "{\"connectorProfileName\": \"x\",\r\n\t\"connectionMode\": \"Public\"}",
      "{\"connectorProfileName\": \"tab\\there \\\"quoted\\\" \\u00e9\\uD83D\\uDE00\"}",
      "{\"connectorProfileName\" : \"x\" , \"kmsArn\" :\"arn:aws:kms:us-east-1:123456789012:key/x\" }",
      "{\"clientToken\": \"t\", \"n\": [0, -0, 5, -5, 1.0, -0.0, 1e3, 18446744073709551615, -9223372036854775808]}",
      "{\"clientToken\": \"t\", \"b\": {\"y\": [true, false, null], \"x\": \"\\u00e9\"}, \"a\": {}}",
      "{\"a\": {}, \"b\": {\"x\": \"\u00e9\", \"y\": [true, false, null]}, \"clientToken\": \"t\"}",
      "{\"clientToken\": 7}",
      "[{\"clientToken\": \"t\"}]",
      "{\"clientToken\": \"t\", \"clientToken\": \"u\"}",
      // Keys and strings without escapes are read in place, the others unescaped: an
      // escaped declared name, an escaped quote, a duplicate written two ways, a value
      // that ends in an escaped backslash.
      "{\"connector\\u0050rofileName\": \"x\", \"connectionMode\": \"Public\"}",
      "{\"a\\\"b\" : 1, \"connectorProfileName\": \"x\\\\\"}",
      "{\"clientToken\": \"t\", \"\\u0063lientToken\": \"u\"}",
      "{\"connectorProfileName\": \"\\/path\", \"k\\n\": \"\\\"\"}",
  };
  for (int depth : {254, 255, 256, 257, 300}) {
    texts.push_back(std::string(depth, '[') + std::string(depth, ']'));
    std::string nested = "{\"connectorProfileConfig\":";
    for (int i = 0; i < depth; ++i) nested += "{\"a\":";
    nested += "1" + std::string(depth + 1, '}');
    texts.push_back(nested);
  }
  std::string wide = "{";
  for (int i = 0; i < 10'001; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  texts.push_back(wide + "}");
  // Past 1 MiB a document is read On Demand, not through the DOM: a request whose map
  // holds 9,000 entries (under the 10,000 a container may hold), one of them a number
  // where a string belongs.
  std::string large =
      "{\"connectorProfileName\": \"x\", \"connectionMode\": \"Public\", \"connectorProfileConfig\": "
      "{\"connectorProfileProperties\": {\"CustomConnector\": {\"profileProperties\": {";
  for (int i = 0; i < 9'000; ++i)
    large += (i ? ", \"p" : "\"p") + std::to_string(i) + "\": \"" + std::string(120, 'v') + "\"";
  texts.push_back(large + ", \"last\": 7}}}}}");
  for (const auto& text : texts) engines().same_text_paths(text, "edge text");
}

// Valid requests to mutate: every fixture case of tests/rules/valid that the reference accepts.
std::vector<json> seeds() {
  std::vector<json> out;
  for (const auto& text : fixture_documents()) {
    const json document = json::parse(text, nullptr, false);
    if (!document.is_discarded() && document.is_object() && engines().reference.valid(document)) {
      out.push_back(document);
    }
  }
  return out;
}

// Strings around the model's bounds (1, 3, 63, 64, 128, 256, 512, 2048 ...), in
// one-, two-, three- and four-byte characters, with and without blanks.
std::string sized_string(std::mt19937& random) {
  static const std::vector<std::size_t> kSizes{0,   1,   2,   3,   4,   12,  18,  63,   64,   65,   127, 128,
                                               129, 255, 256, 257, 511, 512, 513, 1024, 2047, 2048, 2049};
  static const std::vector<std::string> kUnits{"a", "Z", "9",      "_",      "-",          ".", " ",  "\t",
                                               "/", "@", "\u00e9", "\u65e5", "\U0001F600", "~", "\n", "%"};
  const std::size_t size = kSizes[random() % kSizes.size()];
  const std::string& unit = kUnits[random() % kUnits.size()];
  const bool mixed = random() % 2 == 0;
  std::string text;
  for (std::size_t i = 0; i < size; ++i) text += mixed && i % 2 ? std::string("x") : unit;
  return text;
}

json random_scalar(std::mt19937& random) {
  switch (random() % 12) {
    case 0:
      return nullptr;
    case 1:
      return random() % 2 == 0;
    case 2:
      return static_cast<int>(random() % 70000) - 5;
    case 3:
      return 443.0;
    case 4:
      return 1e20;
    case 5:
      return -0.5;
    case 6:
      return json::array({sized_string(random)});
    case 7:
      return json::object();
    case 8:
      return "Public";
    case 9:
      return "PRIVATE";
    case 10:
      return "CLIENT_CREDENTIALS";
    default:
      return sized_string(random);
  }
}

std::string random_key(std::mt19937& random, const json& object) {
  static const std::vector<std::string> kNames{
      "instanceUrl", "InstanceUrl",    "accessToken",   "salesforce", "Salesforce",
      "kmsArn",      "connectorType",  "unknownMember", "bad key!",   "",
      "x",           "credentialsMap", "oAuthRequest",  "\u00e9"};
  if (object.is_object() && !object.empty() && random() % 3 == 0) {
    auto it = object.begin();
    std::advance(it, static_cast<long>(random() % object.size()));
    std::string key = it.key();
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;  // a case mismatch of a real member
  }
  if (random() % 4 == 0) return sized_string(random);
  return kNames[random() % kNames.size()];
}

void mutate_once(json& document, std::mt19937& random) {
  std::vector<std::string> pointers;
  testing::collect_pointers(document, "", pointers);
  const std::string pointer = pointers[random() % pointers.size()];
  json& target = document[json::json_pointer(pointer)];
  const unsigned kind = random() % 6;
  if (kind == 0 && target.is_object()) {
    target[random_key(random, target)] = random_scalar(random);  // a new or replaced member
  } else if (kind == 1 && target.is_object() && !target.empty()) {
    auto it = target.begin();
    std::advance(it, static_cast<long>(random() % target.size()));
    target.erase(it);  // a missing member
  } else if (kind == 2 && target.is_object() && !target.empty()) {
    auto it = target.begin();
    std::advance(it, static_cast<long>(random() % target.size()));
    json value = *it;
    target.erase(it);
    target[random_key(random, target)] = value;  // a renamed member
  } else if (kind == 3 && target.is_array()) {
    target.push_back(random_scalar(random));
  } else if (!pointer.empty()) {
    target = random_scalar(random);
  }
}

TEST(EngineDifferential, RandomMutationsOfValidRequests) {
  const auto bases = seeds();
  ASSERT_GT(bases.size(), 20u);
  std::mt19937 random(20261202);
  int invalid = 0;
  for (int i = 0; i < kMutations; ++i) {
    json document = bases[random() % bases.size()];
    const unsigned steps = 1 + random() % 3;
    for (unsigned s = 0; s < steps; ++s) mutate_once(document, random);
    const std::string label = "mutation " + std::to_string(i);
    if (!engines().agree(document, label)) ++invalid;
    if (i % 10 == 0) engines().same_text_paths(document.dump(i % 20 == 0 ? 2 : -1), label);
    if (i % 10 == 1 && document.is_object()) {  // a token makes the fingerprint hold the whole request
      document["clientToken"] = "token-" + std::to_string(i % 7);
      Engines::same_fingerprints(document.dump(), label);
    }
    if (::testing::Test::HasFailure()) break;  // the first difference says enough
  }
  // Both verdicts must be exercised, or the comparison proves little.
  EXPECT_GT(invalid, kMutations / 4);
  EXPECT_LT(invalid, kMutations - kMutations / 20);
}

}  // namespace
}  // namespace appflow_lint
