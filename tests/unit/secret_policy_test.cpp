// The secret policy and the text it lets out: what is masked, what pointers name,
// what messages may hold.
#include "appflow_lint/secrets/secret_policy.hpp"

#include <gtest/gtest.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/document/text_builder.hpp"
#include "appflow_lint/schema_engine/schema_bundle.hpp"
#include "appflow_lint/secrets/pointer_redaction.hpp"
#include "appflow_lint/secrets/redactions.hpp"
#include "appflow_lint/secrets/scrub.hpp"
#include "appflow_lint/secrets/url_credentials.hpp"

namespace appflow_lint::secrets {
namespace {

using nlohmann::json;

const appflow_lint::schema_engine::CompiledSchema& update_schema() {
  static const appflow_lint::schema_engine::CompiledSchema schema(schema_bundle::kUpdateConnectorProfileRequest);
  return schema;
}

NodeExposure at(const SecretPolicy& policy, std::initializer_list<std::string_view> path) {
  NodeExposure node = policy.root();
  for (auto name : path) node = policy.member(node, name);
  return node;
}

TEST(SecretPolicy, ShowsOnlyKnownNonSensitiveLocations) {
  const SecretPolicy policy(update_schema());
  EXPECT_EQ(at(policy, {"connectorProfileName"}).value, Exposure::Shown);
  EXPECT_EQ(at(policy, {"connectorProfileConfig", "connectorProfileCredentials", "Redshift", "password"}).value,
            Exposure::Secret);
  // Misspelt: unknown, and named like a secret.
  EXPECT_EQ(at(policy, {"connectorProfileConfig", "connectorProfileCredentials", "Redshift", "Password"}).value,
            Exposure::Secret);
  EXPECT_EQ(at(policy, {"connectorProfileConfig", "connectorProfileCredentials", "Amplitude", "api_key"}).value,
            Exposure::Secret);
  // One typo away (a letter replaced, dropped or added).
  EXPECT_TRUE(policy.is_secret_name("acxessToken"));
  EXPECT_TRUE(policy.is_secret_name("pasword"));
  EXPECT_TRUE(policy.is_secret_name("refreshToxken"));
  EXPECT_FALSE(policy.is_secret_name("instanceUrl"));
  EXPECT_FALSE(policy.is_secret_name("username"));
  // Unknown, not secret-like: hidden, but members below may be named.
  const NodeExposure misspelt = at(policy, {"connectorProfileConfig", "connectorProfileProperties", "salesforce"});
  EXPECT_EQ(misspelt.value, Exposure::Hidden);
  EXPECT_EQ(policy.member(misspelt, "instanceUrl").value, Exposure::Hidden);
  EXPECT_FALSE(policy.member(misspelt, "instanceUrl").key_hidden);
  EXPECT_EQ(policy.member(misspelt, "accessToken").value, Exposure::Secret);
}

TEST(SecretPolicy, HidesCredentialsMapKeysAndEverythingInsideASecret) {
  const SecretPolicy policy(update_schema());
  const NodeExposure map = at(
      policy, {"connectorProfileConfig", "connectorProfileCredentials", "CustomConnector", "custom", "credentialsMap"});
  EXPECT_EQ(map.value, Exposure::Shown);
  EXPECT_FALSE(policy.may_quote(map, json("a string where the map belongs")));
  EXPECT_TRUE(policy.member(map, "anything").key_hidden);
  const NodeExposure token =
      at(policy, {"connectorProfileConfig", "connectorProfileCredentials", "Salesforce", "accessToken"});
  EXPECT_TRUE(policy.member(token, "inner").key_hidden);
}

TEST(SecretPolicy, FreeMapKeysWithSecretWordsAreSecret) {
  const SecretPolicy policy(update_schema());
  const NodeExposure properties =
      at(policy, {"connectorProfileConfig", "connectorProfileProperties", "CustomConnector", "profileProperties"});
  EXPECT_EQ(policy.member(properties, "db_password").value, Exposure::Secret);
  EXPECT_EQ(policy.member(properties, "tenant").value, Exposure::Shown);
  // Compared as normalized_name reads the key: any case, `_` and `-` anywhere, the word
  // anywhere in the key.
  for (const char* secret : {"PASSWORD", "pass_word", "Api-Key", "t-o-k-e-n", "x_private_key_id", "my_jwt",
                             "oauthAuthCode", "clientSecretValue", "Pass-Phrase", "credentials", "passwd"}) {
    EXPECT_EQ(policy.member(properties, secret).value, Exposure::Secret) << secret;
  }
  for (const char* shown :
       {"api_version", "tenant_id", "page_size", "base_url", "pass", "secre", "authorcode", "j-w", "", "_", "apikez"}) {
    EXPECT_EQ(policy.member(properties, shown).value, Exposure::Shown) << shown;
  }
}

constexpr std::string_view kTwoSecretEntries = R"({"connectorProfileConfig": {"connectorProfileCredentials": {
      "CustomConnector": {"custom": {"credentialsMap": {"b-secret": "1", "a-secret": "2"}}}}}})";
constexpr std::string_view kSecondEntry =
    "/connectorProfileConfig/connectorProfileCredentials/CustomConnector/custom/credentialsMap/b-secret";

TEST(PointerRedaction, StopsAtTheMapAndCountsTheEntry) {
  const SecretPolicy policy(update_schema());
  const json value = json::parse(kTwoSecretEntries);
  appflow_lint::document::Tree tree;
  appflow_lint::document::build_from_json(value, tree);
  const auto redacted = redact_pointer(policy, tree.root(), kSecondEntry);
  ASSERT_TRUE(redacted.has_value());
  EXPECT_EQ(redacted->pointer,
            "/connectorProfileConfig/connectorProfileCredentials/CustomConnector/custom/credentialsMap");
  EXPECT_EQ(redacted->holder, "credentialsMap");
  EXPECT_EQ(redacted->entry, 2U);  // the parsed object's order without source text
  EXPECT_FALSE(redact_pointer(policy, tree.root(), "/connectorProfileConfig/connectorProfileCredentials"));
}

TEST(PointerRedaction, NamesTheHolderAsThePointerUnescapesIt) {
  const SecretPolicy policy(update_schema());
  const json value = json::parse(R"({"connectorProfileConfig": {"connectorProfileCredentials": {
      "CustomConnector": {"custom": {"credentialsMap": {"a/b": "1"}, "x~y": {"c/d": "2"}}}}}})");
  appflow_lint::document::Tree tree;
  appflow_lint::document::build_from_json(value, tree);
  const std::string custom = "/connectorProfileConfig/connectorProfileCredentials/CustomConnector/custom";
  const auto in_map = redact_pointer(policy, tree.root(), custom + "/credentialsMap/a~1b");
  ASSERT_TRUE(in_map.has_value());
  EXPECT_EQ(in_map->pointer, custom + "/credentialsMap");
  EXPECT_EQ(in_map->holder, "credentialsMap");
  // An unknown member of `custom` is itself a hidden key: the pointer stops at `custom`.
  const auto unknown = redact_pointer(policy, tree.root(), custom + "/x~0y/c~1d");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(unknown->pointer, custom);
  EXPECT_EQ(unknown->holder, "custom");
  EXPECT_EQ(unknown->entry, 2U);
}

TEST(PointerRedaction, CountsEntriesInTextOrderWhereThereIsText) {
  const SecretPolicy policy(update_schema());
  appflow_lint::document::TextBuilder builder;
  appflow_lint::document::Tree tree;
  ASSERT_TRUE(builder.build(kTwoSecretEntries, tree, 256, 10'000));
  const auto redacted = redact_pointer(policy, tree.root(), kSecondEntry);
  ASSERT_TRUE(redacted.has_value());
  EXPECT_EQ(redacted->entry, 1U);
}

TEST(Redactions, UnparsedTextKeepsOnlyPunctuationAndLiterals) {
  const std::string text = R"({"k": "v", "n": 12345, "w": SECRET, "t": true, "u": "open)";
  std::string shown = text;
  for (const auto& [begin, end] : unparsed_redactions(text, 100)) {
    for (std::size_t i = begin; i < end; ++i) shown[i] = '*';
  }
  EXPECT_EQ(shown, R"({"*": "*", "*": *****, "*": ******, "*": true, "*": "****)");
}

TEST(Redactions, PastTheBoundTheWholeTextIsOneMask) {
  const std::string text = R"(["a", "b", "c", "d"])";
  EXPECT_EQ(unparsed_redactions(text, 2), (std::vector<ByteSpan>{{0, text.size()}}));
  EXPECT_EQ(unparsed_redactions(text, 4).size(), 4U);
}

TEST(Redactions, UrlUserinfoAndCredentialParameters) {
  const std::string literal = R"("https://me:hunter2@h.example.com/p?a=1&access_token=abc;Password=xyz#f")";
  std::vector<ByteSpan> spans;
  add_url_credential_spans(literal, 0, spans);
  std::string shown = literal;
  for (const auto& [begin, end] : spans) {
    for (std::size_t i = begin; i < end; ++i) shown[i] = '*';
  }
  EXPECT_EQ(shown, R"("https://**********@h.example.com/p?a=1&access_token=***;Password=***#f")");
}

TEST(Scrub, ReplacesSecretValuesInMessages) {
  const SecretPolicy policy(update_schema());
  const json value = json::parse(
      R"({"connectorProfileConfig": {"connectorProfileCredentials": {"Redshift": {"password": "pa55word!"}}}})");
  appflow_lint::document::Tree tree;
  appflow_lint::document::build_from_json(value, tree);
  const auto found = secret_strings(policy, tree.root());
  std::string message = "found pa55word! in the request";
  EXPECT_TRUE(scrub(message, found));
  EXPECT_EQ(message, "found *** in the request");
}

TEST(Printable, EscapesWhatWouldBreakALineOrDriveATerminal) {
  EXPECT_EQ(printable("a\nb\x1b[31mRED\r\t"), "a\\nb\\u001b[31mRED\\r\\t");
  EXPECT_EQ(printable("rtl\xE2\x80\xAEtxt"), "rtl\\u202etxt");
  EXPECT_EQ(printable("bad\xFF"), "bad\\xFF");
  EXPECT_EQ(printable("héllo ✓"), "héllo ✓");
}

}  // namespace
}  // namespace appflow_lint::secrets
