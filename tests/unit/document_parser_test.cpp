#include "appflow_lint/parse/document_parser.hpp"

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using appflow_lint::parse::parse_document;
using appflow_lint::parse::ParsedDocument;
using nlohmann::json;
using Pointers = std::vector<std::string>;

TEST(ParseDocument, BuildsTheSameValueAsJsonParse) {
  const std::string text = R"({
    "connectorProfileName": "my-profile",
    "connectorType": "Salesforce",
    "connectionMode": "Public",
    "connectorProfileConfig": {
      "connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://x", "isSandboxEnvironment": false}},
      "values": [1, -2, 3.5, 1e3, null, true, "\u00e9\ud83d\ude00", {}, [], [[{"a": [0]}]]],
      "big": 18446744073709551615, "neg": -9223372036854775808
    }
  })";
  const ParsedDocument document = parse_document(text);
  EXPECT_FALSE(document.syntax_error.has_value());
  EXPECT_FALSE(document.too_deep);
  EXPECT_TRUE(document.duplicate_keys.empty());
  EXPECT_EQ(document.value, json::parse(text));
  EXPECT_TRUE(document.value["connectorProfileConfig"]["big"].is_number_unsigned());
  EXPECT_EQ(document.value["connectorProfileConfig"]["big"].get<std::uint64_t>(), UINT64_MAX);
  EXPECT_EQ(document.value["connectorProfileConfig"]["neg"].get<std::int64_t>(), INT64_MIN);
  EXPECT_EQ(document.value["connectorProfileConfig"]["values"][6].get<std::string>(), "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(ParseDocument, ScalarRoots) {
  EXPECT_EQ(parse_document("42").value, json(42));
  EXPECT_EQ(parse_document(" \"s\" ").value, json("s"));
  EXPECT_EQ(parse_document("null").value, json(nullptr));
  EXPECT_EQ(parse_document("false").value, json(false));
  EXPECT_EQ(parse_document("-0.25").value, json(-0.25));
}

TEST(ParseDocument, HugeIntegerBecomesADouble) {
  const ParsedDocument document = parse_document("[123456789012345678901234567890]");
  ASSERT_FALSE(document.syntax_error.has_value());
  ASSERT_TRUE(document.value[0].is_number_float());
  EXPECT_DOUBLE_EQ(document.value[0].get<double>(), 1.2345678901234568e29);
}

TEST(ParseDocument, AcceptsAByteOrderMark) {
  const ParsedDocument document = parse_document("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_FALSE(document.syntax_error.has_value());
  EXPECT_EQ(document.value, json({{"a", 1}}));
}

TEST(ParseDocument, DuplicateKeysAtNestedLevels) {
  const ParsedDocument document =
      parse_document(R"({"a": 1, "b": {"c": 1, "c": 2}, "a": 3, "list": [{"x": 1}, {"x": 1, "x": [2]}]})");
  EXPECT_FALSE(document.syntax_error.has_value());
  EXPECT_EQ(document.duplicate_keys, (Pointers{"/b/c", "/a", "/list/1/x"}));
  EXPECT_EQ(document.value, json::parse(R"({"a": 3, "b": {"c": 2}, "list": [{"x": 1}, {"x": [2]}]})"));
}

TEST(ParseDocument, DuplicateKeysAreEscapedInPointers) {
  const ParsedDocument document =
      parse_document(R"({"a/b": {"m~n": 1, "m~n": 2}, "a/b": {}, "": 0, "": 1, "\u00e9": 1, "é": 2})");
  EXPECT_EQ(document.duplicate_keys, (Pointers{"/a~1b/m~0n", "/a~1b", "/", "/\xC3\xA9"}));
  EXPECT_EQ(document.value["a/b"], json::object());
}

TEST(ParseDocument, RepeatedDuplicatesAndReplacedContainers) {
  const ParsedDocument document = parse_document(R"({"k": [1, {"z": 0, "z": 0}], "k": 2, "k": {"q": 3}})");
  EXPECT_EQ(document.duplicate_keys, (Pointers{"/k/1/z", "/k", "/k"}));
  EXPECT_EQ(document.value, json::parse(R"({"k": {"q": 3}})"));
}

TEST(ParseDocument, SameKeyInDifferentObjectsIsNotADuplicate) {
  const ParsedDocument document = parse_document(R"({"a": {"k": 1}, "b": {"k": 1}, "c": [{"k": 1}, {"k": 2}]})");
  EXPECT_TRUE(document.duplicate_keys.empty());
}

TEST(ParseDocument, DepthLimit) {
  EXPECT_FALSE(parse_document("[[[1]]]", 3).too_deep);
  EXPECT_FALSE(parse_document(R"({"a":{"b":{"c":{}}}})", 4).too_deep);

  const ParsedDocument arrays = parse_document("[[[[1]]]]", 3);
  EXPECT_TRUE(arrays.too_deep);
  EXPECT_EQ(arrays.too_deep_offset, 3U);
  EXPECT_FALSE(arrays.syntax_error.has_value());

  // '{'0 '"'1 'a'2 '"'3 ':'4 '{'5 '"'6 'b'7 '"'8 ':'9 '{'10 ... '{'15
  const ParsedDocument objects = parse_document(R"({"a":{"b":{"c":{}}}})", 3);
  EXPECT_TRUE(objects.too_deep);
  EXPECT_EQ(objects.too_deep_offset, 15U);

  EXPECT_EQ(parse_document("[1]", 0).too_deep_offset, 0U);
}

TEST(ParseDocument, DepthOffsetIgnoresBracketsInStrings) {
  // '['0 '"'1 '['2 '\\'3 '"'4 '{'5 '"'6 ','7 ' '8 '['9 '['10 '['11
  const ParsedDocument document = parse_document(R"(["[\"{", [[[]]]])", 3);
  EXPECT_TRUE(document.too_deep);
  EXPECT_EQ(document.too_deep_offset, 11U);
}

// Past the limit the text is still read: a later syntax error is found, since no part
// of an input may be silently ignored.
TEST(ParseDocument, TextPastTheDepthLimitIsStillRead) {
  const ParsedDocument document = parse_document("[[[[ x", 2);
  ASSERT_TRUE(document.syntax_error.has_value());
  EXPECT_EQ(document.syntax_error->byte_offset, 5U);
}

TEST(ParseDocument, KeepsTheDocumentAboveTheDepthLimit) {
  const ParsedDocument document = parse_document(R"({"a": 1, "deep": [[[[1]]]], "z": {"b": true}})", 3);
  ASSERT_FALSE(document.syntax_error.has_value());
  EXPECT_TRUE(document.too_deep);
  EXPECT_EQ(document.too_deep_offset, 19U);  // the third "["
  EXPECT_EQ(document.value, nlohmann::json::parse(R"({"a": 1, "deep": [[[]]], "z": {"b": true}})"));
}

TEST(ParseDocument, HundredThousandNestedArrays) {
  constexpr std::size_t kDepth = 100'000;
  const std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  const auto start = std::chrono::steady_clock::now();
  const ParsedDocument document = parse_document(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  RecordProperty("parse_ms", static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
  EXPECT_TRUE(document.too_deep);
  EXPECT_EQ(document.too_deep_offset, appflow_lint::parse::kDefaultMaxDepth);
  EXPECT_FALSE(document.syntax_error.has_value());
  EXPECT_LT(elapsed, std::chrono::seconds(2));  // aborts at the limit, not after the whole text
}

// With the limit raised, the builder itself must cope with the depth, and the value
// must be destroyed without recursion (nlohmann >= 3.10 destroys iteratively).
TEST(ParseDocument, HundredThousandNestedArraysWithinARaisedLimit) {
  constexpr std::size_t kDepth = 100'000;
  const std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  {
    const ParsedDocument document = parse_document(text, kDepth);
    ASSERT_FALSE(document.too_deep);
    ASSERT_FALSE(document.syntax_error.has_value());
    std::size_t depth = 1;
    const json* node = &document.value;
    while (node->is_array() && !node->empty()) {
      node = &node->front();
      ++depth;
    }
    EXPECT_EQ(depth, kDepth);
    EXPECT_EQ(*node, json::array());
  }  // the 100,000-deep value is destroyed here
  EXPECT_TRUE(parse_document(text, kDepth - 1).too_deep);
}

TEST(ParseDocument, HundredThousandUnclosedBracketsWithByteOrderMark) {
  const std::string text = "\xEF\xBB\xBF" + std::string(100'000, '{');
  const ParsedDocument document = parse_document(text);
  EXPECT_FALSE(document.too_deep);  // "{{" fails as a missing key first
  ASSERT_TRUE(document.syntax_error.has_value());
  EXPECT_EQ(document.syntax_error->byte_offset, 4U);

  const std::string arrays = "\xEF\xBB\xBF" + std::string(100'000, '[');
  const ParsedDocument deep = parse_document(arrays);
  EXPECT_TRUE(deep.too_deep);
  EXPECT_EQ(deep.too_deep_offset, 3 + appflow_lint::parse::kDefaultMaxDepth);
}

struct SyntaxCase {
  std::string text;
  std::size_t byte_offset;
  std::string message;
};

// Names the case by its text in test output (JSON-escaped; invalid UTF-8 replaced).
void PrintTo(const SyntaxCase& c, std::ostream* out) {
  *out << json(c.text).dump(-1, ' ', false, json::error_handler_t::replace);
}

class ParseDocumentSyntaxError : public testing::TestWithParam<SyntaxCase> {};

TEST_P(ParseDocumentSyntaxError, ReportsOffsetAndMessage) {
  const SyntaxCase& expected = GetParam();
  const ParsedDocument document = parse_document(expected.text);
  ASSERT_TRUE(document.syntax_error.has_value());
  EXPECT_EQ(document.syntax_error->byte_offset, expected.byte_offset);
  EXPECT_EQ(document.syntax_error->message, expected.message);
  EXPECT_FALSE(document.too_deep);
}

// Offsets verified against nlohmann 3.11.2: its `position` counts the offending byte
// (or the end of input) as read, so the offending byte is position - 1.
INSTANTIATE_TEST_SUITE_P(
    Cases, ParseDocumentSyntaxError,
    testing::Values(
        SyntaxCase{"{,", 1, "syntax error while parsing object key - unexpected ','; expected string literal"},
        SyntaxCase{"[1,]", 2, "trailing comma before ']'"},  // at the comma
        SyntaxCase{"{\"a\":1", 6, "syntax error while parsing object - unexpected end of input; expected '}'"},
        SyntaxCase{"", 0,
                   "syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
        SyntaxCase{"  \n", 3,
                   "syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
        SyntaxCase{"nul", 3, "syntax error while parsing value - invalid literal"},
        SyntaxCase{"\"abc", 4, "syntax error while parsing value - invalid string: missing closing quote"},
        SyntaxCase{"\"\xFF\"", 1, "invalid UTF-8: byte FF never occurs in UTF-8"},
        SyntaxCase{"[\"ab\xC3\"]", 4,  // the lead byte whose sequence is cut short
                   "invalid UTF-8: the sequence that byte C3 starts is cut short"},
        SyntaxCase{"[\"\xC0\xAF\"]", 2,
                   "invalid UTF-8: an overlong encoding (lead byte C0); each character has one "
                   "shortest form"},
        SyntaxCase{"[\"\xE0\x80\xAF\"]", 2,
                   "invalid UTF-8: an overlong encoding (lead byte E0); each character has "
                   "one shortest form"},
        SyntaxCase{"[\"\xED\xA0\x80\"]", 2,
                   "invalid UTF-8: a UTF-16 surrogate encoded as UTF-8 (CESU-8); encode the "
                   "character itself"},
        SyntaxCase{"[\"caf\x92\"]", 5,
                   "invalid UTF-8: byte 92 continues a sequence that never started (text saved "
                   "as Windows-1252 or Latin-1?)"},
        SyntaxCase{"[\"\xF4\x90\x80\x80\"]", 2, "invalid UTF-8: a code point above U+10FFFF"},
        SyntaxCase{"\"a\x01\"", 2,
                   "syntax error while parsing value - invalid string: control character U+0001 (SOH) must be "
                   "escaped to \\u0001"},
        SyntaxCase{"{} x", 3, "syntax error while parsing value - invalid literal; expected end of input"},
        SyntaxCase{"01", 0, "syntax error while parsing value - unexpected number literal; expected end of input"},
        // The usual slips, in plain words, where the fix goes.
        SyntaxCase{"NaN", 0, "NaN and Infinity are not JSON numbers; write a number, or null"},
        SyntaxCase{"[nan]", 1, "NaN and Infinity are not JSON numbers; write a number, or null"},  // stops at 'a'
        SyntaxCase{"[-Infinity]", 1, "NaN and Infinity are not JSON numbers; write a number, or null"},
        SyntaxCase{"[+Infinity]", 1, "NaN and Infinity are not JSON numbers; write a number, or null"},
        SyntaxCase{"[-foo]", 2, "syntax error while parsing value - invalid number; expected digit after '-'"},
        SyntaxCase{"[True]", 1, "True is not JSON: write true, in lower case"},
        SyntaxCase{"{\"a\": None}", 6, "None is not JSON: write null"},
        SyntaxCase{"{\"a\": s3cr3t}", 6, "unquoted text is not a JSON value; strings take double quotes"},
        SyntaxCase{"[tru]", 4, "syntax error while parsing value - invalid literal"},  // a cut-off literal
        SyntaxCase{"// x\n{}", 0, "comments are not allowed in JSON"},
        SyntaxCase{"[1, /* x */ 2]", 4, "comments are not allowed in JSON"},
        SyntaxCase{"{} // x", 3, "comments are not allowed in JSON"},
        SyntaxCase{"[1 / 2]", 3, "syntax error while parsing array - invalid literal; expected ']'"},
        SyntaxCase{"{\"a\":1,}", 6, "trailing comma before '}'"},
        SyntaxCase{"{\"a\":1 ,\n }", 7, "trailing comma before '}'"},
        SyntaxCase{"{\"a\":[1,}", 8,  // not a trailing comma: a bracket closes the wrong container
                   "syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"},
        SyntaxCase{"{\"a\":1,", 7,
                   "syntax error while parsing object key - unexpected end of input; expected string literal"},
        SyntaxCase{"{'a':1}", 1, "JSON strings and member names take double quotes, not single quotes"},
        SyntaxCase{"[\"a\", 'b']", 6, "JSON strings and member names take double quotes, not single quotes"},
        SyntaxCase{"{a:1}", 1, "member names must be double-quoted strings"},
        SyntaxCase{"{\"a\":1, null:2}", 8, "member names must be double-quoted strings"},
        SyntaxCase{"{1:2}", 1, "member names must be double-quoted strings"},
        SyntaxCase{"[1 2]", 3, "missing ',' between elements"},
        SyntaxCase{"[[1] {}]", 5, "missing ',' between elements"},
        SyntaxCase{"[1 }", 3, "syntax error while parsing array - unexpected '}'; expected ']'"},
        SyntaxCase{"{\"a\":1 \"b\":2}", 7, "missing ',' between members"},
        SyntaxCase{"{\"a\":1\n  b:2}", 9, "missing ',' between members"},
        SyntaxCase{"{\"a\": 2x}", 7, "syntax error while parsing object - invalid literal; expected '}'"},
        SyntaxCase{"{\"a\" 1}", 5, "missing ':' after member name"},
        SyntaxCase{"{\"a\" = 1}", 5, "missing ':' after member name"},
        SyntaxCase{"{\"a\"", 4, "syntax error while parsing object separator - unexpected end of input; expected ':'"},
        SyntaxCase{"[1.]", 3, "syntax error while parsing value - invalid number; expected digit after '.'"},
        SyntaxCase{"[\"\\x\"]", 3,
                   "syntax error while parsing value - invalid string: forbidden character after backslash"},
        SyntaxCase{"[\"\\uD800\"]", 2,  // at the escape's backslash
                   "invalid string: a \\u escape of a high surrogate (D800..DBFF) not followed by a low one; the "
                   "service rejects unpaired surrogates"},
        SyntaxCase{"[\"a\\uDC00\"]", 3,
                   "invalid string: a \\u escape of a low surrogate (DC00..DFFF) without the high one before it; the "
                   "service rejects unpaired surrogates"},
        SyntaxCase{"[\"\\uD800\\u0041\"]", 2,
                   "invalid string: a \\u escape of a high surrogate (D800..DBFF) not followed by a low one; the "
                   "service rejects unpaired surrogates"},
        // A NUL ends nlohmann's input; here it is a fault wherever it is, and nothing after it is ignored.
        SyntaxCase{std::string("{}\0 garbage {", 13), 2,
                   "a NUL byte is not JSON; nothing after it may be ignored, so "
                   "the document is rejected"},
        SyntaxCase{std::string("{}  \n \0", 7), 6,
                   "a NUL byte is not JSON; nothing after it may be ignored, so the "
                   "document is rejected"},
        SyntaxCase{std::string("[\"a\0b\"]", 7), 3,
                   "invalid string: control character U+0000 (NUL) must be escaped "
                   "as \\u0000"},
        SyntaxCase{std::string("[1 2\0]", 6), 3,  // an earlier fault is reported first
                   "missing ',' between elements"},
        // Wide encodings, at 1:1, in words.
        SyntaxCase{std::string("\xFF\xFE{\0}\0", 6), 0,
                   "the file is UTF-16 LE (byte-order mark FF FE); AppFlow "
                   "requests must be UTF-8 (save the file as UTF-8 without a byte-order mark)"},
        SyntaxCase{std::string("\0{\0}", 4), 0,
                   "the file is UTF-16 BE (no byte-order mark; NUL bytes between its first "
                   "characters); AppFlow requests must be UTF-8 (save the file as UTF-8 without a byte-order mark)"},
        SyntaxCase{std::string("{\0\0\0}\0\0\0", 8), 0,
                   "the file is UTF-32 LE (no byte-order mark; NUL bytes between "
                   "its first characters); AppFlow requests must be UTF-8 (save the file as UTF-8 without a byte-order "
                   "mark)"},
        SyntaxCase{std::string("\0\0\xFE\xFF\0\0\0{", 8), 0,
                   "the file is UTF-32 BE (byte-order mark 00 00 FE FF); "
                   "AppFlow requests must be UTF-8 (save the file as UTF-8 without a byte-order mark)"},
        SyntaxCase{"\xEF\xBB", 2, "syntax error while parsing value - invalid BOM; must be 0xEF 0xBB 0xBF if given"},
        SyntaxCase{"\xEF\xBB\xBF{,", 4,
                   "syntax error while parsing object key - unexpected ','; expected string literal"},
        SyntaxCase{"[\"\xC3\xA9\",]", 5, "trailing comma before ']'"},
        SyntaxCase{"[1e999999]", 1, "number out of range: too large to represent"},
        SyntaxCase{"{\"a\": -1e400}", 6, "number out of range: too large to represent"}));

// Whatever the error, the message must not repeat the document's text.
TEST(ParseDocument, SyntaxErrorMessagesNeverEchoTheInput) {
  const std::string_view kSecret = "s3cr3t";
  for (const std::string text : {
           "{\"password\": \"s3cr3t",             // unterminated string
           "{\"password\": \"s3cr3t\n\"}",        // raw line break in a string
           "{\"password\": \"s3cr3t\\q\"}",       // bad escape
           "{\"password\": \"s3cr3t\xFF\"}",      // invalid UTF-8
           "{\"password\": \"s3cr3t\\uZZZZ\"}",   // bad \u escape
           "{\"password\": \"s3cr3t\\uD800x\"}",  // lone surrogate
           "{\"password\": s3cr3t}",              // bare word
           "{\"password\": \"s3cr3t\"} s3cr3t",   // trailing garbage
           "{\"password\": \"s3cr3t\",}",         // trailing comma after the secret
           "{'s3cr3t': 1}",                       // single quotes
           "{\"password\": 1e9999999999}",        // overflow
       }) {
    const ParsedDocument document = parse_document(text);
    ASSERT_TRUE(document.syntax_error.has_value()) << text;
    const std::string& message = document.syntax_error->message;
    EXPECT_EQ(message.find(kSecret), std::string::npos) << message;
    EXPECT_EQ(message.find("last read"), std::string::npos) << message;
    EXPECT_EQ(message.find("json.exception"), std::string::npos) << message;
    EXPECT_EQ(message.find("line 1"), std::string::npos) << message;
    EXPECT_FALSE(message.empty());
  }
}

TEST(ParseDocument, NeverThrows) {
  const std::vector<std::string> texts = {"]",
                                          "}",
                                          "[}",
                                          "{]",
                                          "\"\\",
                                          "\"\\u12",
                                          "-",
                                          "1e",
                                          "[-]",
                                          "tru",
                                          std::string("\0", 1),
                                          "\xEF\xBB\xBF",
                                          "[1,2",
                                          "{\"a\":",
                                          "{\"a\"",
                                          "[" + std::string(1000, '-') + "]"};
  for (const std::string& text : texts) {
    ParsedDocument document;
    EXPECT_NO_THROW(document = parse_document(text)) << text;
    EXPECT_TRUE(document.syntax_error.has_value()) << text;
  }
}

}  // namespace
