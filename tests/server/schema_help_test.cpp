#include "server/schema_help.hpp"

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "marked_text.hpp"

namespace {

using appflow_lint::Operation;
using appflow_lint::server::ByteRange;
using appflow_lint::server::CompletionHelp;
using appflow_lint::server::CompletionKind;
using appflow_lint::server::HoverHelp;
using appflow_lint::server::SchemaHelp;
using appflow_lint::server::test::MarkedText;

using Names = std::vector<std::string>;

const SchemaHelp& update_help() { return SchemaHelp::for_operation(Operation::UpdateConnectorProfile); }
const SchemaHelp& create_help() { return SchemaHelp::for_operation(Operation::CreateConnectorProfile); }

std::optional<HoverHelp> hover_at(const SchemaHelp& help, std::string_view marked) {
  const MarkedText document(marked);
  return help.hover(document.text, document.offset);
}

std::vector<CompletionHelp> complete_at(const SchemaHelp& help, std::string_view marked) {
  const MarkedText document(marked);
  return help.complete(document.text, document.offset);
}

Names labels(const std::vector<CompletionHelp>& items) {
  Names names;
  for (const CompletionHelp& item : items) names.push_back(item.label);
  std::sort(names.begin(), names.end());
  return names;
}

const CompletionHelp* find_item(const std::vector<CompletionHelp>& items, std::string_view label) {
  const auto found =
      std::find_if(items.begin(), items.end(), [label](const CompletionHelp& item) { return item.label == label; });
  return found == items.end() ? nullptr : &*found;
}

constexpr std::string_view kSecret = "Sup3rS3cretT0kenValue";

// A pretty-printed Salesforce request with a real-looking secret in it.
std::string salesforce_request(std::string_view credentials_body) {
  return std::string(R"({
  "connectorProfileName": "acme-salesforce-prod",
  "connectionMode": "Public",
  "connectorProfileConfig": {
    "connectorProfileProperties": {
      "Salesforce": {
        "instanceUrl": "https://acme-corp.my.salesforce.com"
      }
    },
    "connectorProfileCredentials": {
      "Salesforce": {
)") + std::string(credentials_body) +
         R"(
      }
    }
  }
}
)";
}

TEST(SchemaHelpComplete, ConnectorsInConnectorProfileProperties) {
  const std::vector<CompletionHelp> items =
      complete_at(update_help(), R"({"connectorProfileConfig": {"connectorProfileProperties": {@@}}})");
  const Names names = labels(items);
  for (const char* connector : {"Salesforce", "Redshift", "Snowflake", "SAPOData", "CustomConnector", "Pardot"}) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), connector)) << connector;
  }
  const CompletionHelp* salesforce = find_item(items, "Salesforce");
  ASSERT_NE(salesforce, nullptr);
  EXPECT_EQ(salesforce->kind, CompletionKind::Property);
  EXPECT_EQ(salesforce->detail, "object");
  EXPECT_EQ(salesforce->insert_text, R"("Salesforce": )");
  EXPECT_EQ(salesforce->filter_text, "Salesforce");
  EXPECT_EQ(salesforce->replace, (ByteRange{59, 59}));
  EXPECT_NE(salesforce->documentation.find("The connector-specific properties required by Salesforce."),
            std::string::npos);
}

TEST(SchemaHelpComplete, TheQuoteTypedOrNotAndAColonAlreadyThere) {
  // The editor closed the quote: the whole string is replaced, a colon added.
  const MarkedText quoted(R"({"connectorProfileConfig": {"connectorProfileProperties": {"Sales@@"}}})");
  const std::vector<CompletionHelp> items = update_help().complete(quoted.text, quoted.offset);
  const CompletionHelp* salesforce = find_item(items, "Salesforce");
  ASSERT_NE(salesforce, nullptr);
  EXPECT_EQ(salesforce->insert_text, R"("Salesforce": )");
  EXPECT_EQ(salesforce->filter_text, R"("Salesforce")");
  EXPECT_EQ(salesforce->replace, (ByteRange{59, 66}));

  // Renaming a key that has its colon: the name alone.
  const std::vector<CompletionHelp> renamed =
      complete_at(update_help(), R"({"connectorProfileConfig": {"connectorProfileProperties": {"Sales@@": {}}}})");
  ASSERT_NE(find_item(renamed, "Salesforce"), nullptr);
  EXPECT_EQ(find_item(renamed, "Salesforce")->insert_text, R"("Salesforce")");

  // Typed without quotes: the quotes come with the insert text.
  const MarkedText bare("{\"connectorProfileConfig\": {\"connectorProfileProperties\": {\n  Sales@@\n}}}");
  const std::vector<CompletionHelp> bare_items = update_help().complete(bare.text, bare.offset);
  ASSERT_NE(find_item(bare_items, "Salesforce"), nullptr);
  EXPECT_EQ(find_item(bare_items, "Salesforce")->insert_text, R"("Salesforce": )");
  EXPECT_EQ(find_item(bare_items, "Salesforce")->filter_text, "Salesforce");
  EXPECT_EQ(find_item(bare_items, "Salesforce")->replace, (ByteRange{bare.offset - 5, bare.offset}));
}

TEST(SchemaHelpComplete, SalesforceCredentialsNotYetPresent) {
  const std::vector<CompletionHelp> all = complete_at(update_help(), salesforce_request("        @@"));
  EXPECT_EQ(labels(all), (Names{"accessToken", "clientCredentialsArn", "jwtToken", "oAuth2GrantType", "oAuthRequest",
                                "refreshToken"}));
  EXPECT_EQ(find_item(all, "accessToken")->detail, "string");
  EXPECT_NE(find_item(all, "accessToken")->documentation.find("Sensitive"), std::string::npos);

  // Members already there, before or after the cursor, are not offered again.
  const std::vector<CompletionHelp> rest =
      complete_at(update_help(),
                  salesforce_request("        \"accessToken\": \"a\",\n        \"@@\n        \"refreshToken\": \"r\""));
  EXPECT_EQ(labels(rest), (Names{"clientCredentialsArn", "jwtToken", "oAuth2GrantType", "oAuthRequest"}));
}

TEST(SchemaHelpComplete, RequiredMembersSayIt) {
  const std::vector<CompletionHelp> items = complete_at(update_help(), "{\r\n  @@\r\n}\r\n");
  ASSERT_NE(find_item(items, "connectorProfileName"), nullptr);
  EXPECT_EQ(find_item(items, "connectorProfileName")->detail, "string, required");
  EXPECT_EQ(find_item(items, "clientToken")->detail, "string");
}

TEST(SchemaHelpComplete, CreateOnlyMembersNeverInAnUpdate) {
  const Names update = labels(complete_at(update_help(), "{@@}"));
  const Names create = labels(complete_at(create_help(), "{@@}"));
  for (const char* create_only : {"kmsArn", "connectorType", "connectorLabel"}) {
    EXPECT_FALSE(std::binary_search(update.begin(), update.end(), create_only)) << create_only;
    EXPECT_TRUE(std::binary_search(create.begin(), create.end(), create_only)) << create_only;
  }
  EXPECT_TRUE(std::binary_search(update.begin(), update.end(), "connectorProfileConfig"));
  EXPECT_FALSE(hover_at(update_help(), R"({"kms@@Arn": null})"));
  EXPECT_TRUE(hover_at(create_help(), R"({"kms@@Arn": null})"));
}

TEST(SchemaHelpComplete, EnumValuesOfConnectionMode) {
  const MarkedText empty(R"({"connectorProfileName": "n", "connectionMode": @@})");
  const std::vector<CompletionHelp> items = update_help().complete(empty.text, empty.offset);
  EXPECT_EQ(labels(items), (Names{"Private", "Public"}));
  const CompletionHelp* item = find_item(items, "Private");
  EXPECT_EQ(item->kind, CompletionKind::EnumMember);
  EXPECT_EQ(item->insert_text, R"("Private")");
  EXPECT_EQ(item->filter_text, "Private");
  EXPECT_EQ(item->replace, (ByteRange{empty.offset, empty.offset}));

  const MarkedText typed(R"({"connectionMode": "Pri@@"})");
  const std::vector<CompletionHelp> typed_items = update_help().complete(typed.text, typed.offset);
  ASSERT_NE(find_item(typed_items, "Private"), nullptr);
  EXPECT_EQ(find_item(typed_items, "Private")->insert_text, R"("Private")");
  EXPECT_EQ(find_item(typed_items, "Private")->filter_text, R"("Private")");
  EXPECT_EQ(find_item(typed_items, "Private")->replace, (ByteRange{19, 24}));

  const std::vector<CompletionHelp> grant =
      complete_at(update_help(), salesforce_request(R"(        "oAuth2GrantType": @@)"));
  EXPECT_EQ(labels(grant), (Names{"AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "JWT_BEARER"}));
}

TEST(SchemaHelpComplete, BooleansAndNothingForFreeText) {
  const std::vector<CompletionHelp> booleans = complete_at(
      update_help(),
      R"({"connectorProfileConfig": {"connectorProfileProperties": {"Salesforce": {"isSandboxEnvironment": f@@}}}})");
  EXPECT_EQ(labels(booleans), (Names{"false", "true"}));
  EXPECT_EQ(find_item(booleans, "true")->kind, CompletionKind::Value);
  EXPECT_EQ(find_item(booleans, "true")->insert_text, "true");
  EXPECT_EQ(find_item(booleans, "true")->detail, "boolean");

  EXPECT_TRUE(complete_at(update_help(), R"({"connectorProfileName": "ac@@"})").empty());
  EXPECT_TRUE(complete_at(update_help(), R"({"unknownMember": {@@}})").empty());
  EXPECT_TRUE(complete_at(update_help(), R"(@@{})").empty());
  EXPECT_TRUE(complete_at(update_help(), "").empty());
}

TEST(SchemaHelpHover, ASensitiveMemberInWordsWithoutItsValue) {
  const std::string document =
      salesforce_request(std::string("        \"access@@Token\": \"") + std::string(kSecret) + "\"");
  const MarkedText marked(document);
  const std::optional<HoverHelp> hover = update_help().hover(marked.text, marked.offset);
  ASSERT_TRUE(hover);
  const std::size_t key = marked.text.find("\"accessToken\"");
  EXPECT_EQ(hover->range, (ByteRange{key, key + 13}));
  EXPECT_EQ(hover->markdown,
            "**accessToken** (string)\n\n"
            "The credentials used to access protected Salesforce resources.\n\n"
            "- At most 4096 characters\n"
            "- Pattern `\\S+`\n"
            "- Optional in `Salesforce`\n"
            "- Sensitive: its value is never shown");

  // On the value itself: the member again, and still nothing of the value.
  const std::size_t value = marked.text.find(kSecret);
  for (std::size_t offset = value - 1; offset <= value + kSecret.size() + 1; ++offset) {
    const std::optional<HoverHelp> on_value = update_help().hover(marked.text, offset);
    ASSERT_TRUE(on_value) << offset;
    EXPECT_EQ(on_value->markdown, hover->markdown);
    EXPECT_EQ(on_value->range, (ByteRange{value - 1, value + kSecret.size() + 1}));
    for (std::size_t piece = 0; piece + 6 <= kSecret.size(); ++piece) {
      EXPECT_EQ(on_value->markdown.find(kSecret.substr(piece, 6)), std::string::npos);
    }
  }
}

TEST(SchemaHelpHover, AMapKeyIsNeverRepeated) {
  // credentialsMap keys are sensitive too: the hover names the map, not the key.
  const std::string document = std::string(R"({"connectorProfileConfig": {"connectorProfileCredentials": {)") +
                               R"("CustomConnector": {"custom": {"credentialsMap": {")" + std::string(kSecret) +
                               R"(": "v@@alue"}}}}}})";
  const std::optional<HoverHelp> on_value = hover_at(update_help(), document);
  ASSERT_TRUE(on_value);
  EXPECT_EQ(on_value->markdown.find(kSecret), std::string::npos);
  EXPECT_EQ(on_value->markdown.rfind("A value of **credentialsMap** (string)", 0), 0U) << on_value->markdown;
  EXPECT_NE(on_value->markdown.find("Sensitive: its value is never shown"), std::string::npos);

  const MarkedText on_key(document);
  const std::optional<HoverHelp> key_hover = update_help().hover(on_key.text, on_key.text.find(kSecret) + 3);
  ASSERT_TRUE(key_hover);
  EXPECT_EQ(key_hover->markdown.find(kSecret), std::string::npos);
  EXPECT_EQ(key_hover->markdown.rfind("A key of **credentialsMap** (string)", 0), 0U) << key_hover->markdown;

  // The map member itself.
  const std::optional<HoverHelp> map = hover_at(
      update_help(),
      R"({"connectorProfileConfig": {"connectorProfileCredentials": {"CustomConnector": {"custom": {"credentials@@Map": {}}}}}})");
  ASSERT_TRUE(map);
  EXPECT_NE(map->markdown.find("**credentialsMap** (map of string to string)"), std::string::npos);
  EXPECT_NE(map->markdown.find("Sensitive keys: they are never shown"), std::string::npos);
  EXPECT_NE(map->markdown.find("Keys: 1 to 128 characters; pattern `[\\w]+`"), std::string::npos);
}

TEST(SchemaHelpHover, RequiredEnumAndNumberConstraints) {
  const std::optional<HoverHelp> name = hover_at(update_help(), "{\n  \"connectorProfile@@Name\": \"n\"\n}");
  ASSERT_TRUE(name);
  EXPECT_NE(name->markdown.find("The name of the connector profile and is unique"), std::string::npos);
  EXPECT_NE(name->markdown.find("- At most 256 characters\n"), std::string::npos);
  EXPECT_NE(name->markdown.find("- Required in the request"), std::string::npos);

  const std::optional<HoverHelp> mode = hover_at(update_help(), R"({"connectionMode": "Pub@@lic"})");
  ASSERT_TRUE(mode);
  EXPECT_NE(mode->markdown.find("- One of `Public`, `Private`"), std::string::npos);
  EXPECT_EQ(mode->markdown.find("Public\""), std::string::npos);

  const std::optional<HoverHelp> port =
      hover_at(update_help(),
               R"({"connectorProfileConfig": {"connectorProfileProperties": {"SAPOData": {"portNumber": 44@@3}}}})");
  ASSERT_TRUE(port);
  EXPECT_EQ(port->markdown.rfind("**portNumber** (integer)", 0), 0U);
  EXPECT_NE(port->markdown.find("- From 1 to 65535"), std::string::npos);
  EXPECT_EQ(port->markdown.find("443"), std::string::npos);
}

TEST(SchemaHelpHover, ArrayElementsDescribeTheirList) {
  const std::optional<HoverHelp> scope = hover_at(
      update_help(),
      R"({"connectorProfileConfig": {"connectorProfileProperties": {"SAPOData": {"oAuthProperties": {"oAuthScopes": ["ap@@i"]}}}}})");
  ASSERT_TRUE(scope);
  EXPECT_EQ(scope->markdown.rfind("**oAuthScopes** (list of string)", 0), 0U) << scope->markdown;
}

TEST(SchemaHelpHover, NonAsciiAndCrlfKeepByteRanges) {
  const MarkedText document(
      "{\r\n  \"connectorProfileName\": \"caf\xC3\xA9-\xE6\x97\xA5\",\r\n  \"connection@@Mode\": 1\r\n}");
  const std::optional<HoverHelp> hover = update_help().hover(document.text, document.offset);
  ASSERT_TRUE(hover);
  const std::size_t key = document.text.find("\"connectionMode\"");
  EXPECT_EQ(hover->range, (ByteRange{key, key + 16}));
  EXPECT_EQ(hover->markdown.find("caf"), std::string::npos);
}

TEST(SchemaHelpHover, NothingOutsideAKnownMember) {
  EXPECT_FALSE(hover_at(update_help(), R"(@@{"connectionMode": "Public"})"));
  EXPECT_FALSE(hover_at(update_help(), R"({"connectionMode": "Public"}@@)"));
  EXPECT_FALSE(hover_at(update_help(), R"({ @@ "connectionMode": "Public"})"));
  EXPECT_FALSE(hover_at(update_help(), R"({"connectionMode":@@ "Public"})"));
  EXPECT_FALSE(hover_at(update_help(), R"({"unknown@@Member": 1})"));
  EXPECT_FALSE(hover_at(update_help(), R"({"unknown": {"connection@@Mode": 1}})"));
  EXPECT_FALSE(hover_at(update_help(), ""));
}

TEST(SchemaHelp, RandomBytesNeverBreakIt) {
  std::mt19937 random(7);
  const std::string request = salesforce_request(R"(        "accessToken": "a")");
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 500; ++round) {
    std::string text = request;
    // Overwrite a few bytes of a real request, so that the paths still reach the schema.
    for (int i = 0; i < 4; ++i) {
      text[std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random)] = static_cast<char>(byte(random));
    }
    for (std::size_t offset = 0; offset <= text.size(); offset += 11) {
      for (const CompletionHelp& item : update_help().complete(text, offset)) {
        ASSERT_LE(item.replace.end, text.size());
      }
      if (const std::optional<HoverHelp> hover = create_help().hover(text, offset)) {
        ASSERT_LE(hover->range.end, text.size());
      }
    }
  }
}

}  // namespace
