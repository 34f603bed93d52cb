// The embedded schemas under the real engine (valijson 1.0): they load, their
// patterns compile as std::regex, and they give the verdicts AWS would.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <memory>
#include <regex>
#include <string>
#include <string_view>

#include "appflow_lint/schema_engine/schema_bundle.hpp"

namespace {

using nlohmann::json;
namespace bundle = appflow_lint::schema_bundle;

std::unique_ptr<valijson::Schema> load_schema(std::string_view text) {
  const json document = json::parse(text);
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser;
  const valijson::adapters::NlohmannJsonAdapter adapter(document);
  parser.populateSchema(adapter, *schema);
  return schema;
}

// Validation errors joined into one string, empty when the instance is valid.
std::string errors(std::string_view schema_text, const json& instance) {
  const auto schema = load_schema(schema_text);
  valijson::Validator validator;
  valijson::ValidationResults results;
  const valijson::adapters::NlohmannJsonAdapter target(instance);
  if (validator.validate(*schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    for (const auto& step : error.context) out += step;
    out += ": " + error.description + "\n";
  }
  return out.empty() ? "invalid, without errors" : out;
}

json salesforce_update() {
  return json::parse(R"({
    "connectorProfileName": "my-profile",
    "connectionMode": "Public",
    "connectorProfileConfig": {
      "connectorProfileProperties": {
        "Salesforce": {"instanceUrl": "https://example.my.salesforce.com", "isSandboxEnvironment": false}
      },
      "connectorProfileCredentials": {
        "Salesforce": {"accessToken": "token", "refreshToken": "refresh"}
      }
    }
  })");
}

json custom_connector_update(const std::string& credential_key) {
  json request = json::parse(R"({
    "connectorProfileName": "custom-profile",
    "connectionMode": "Private",
    "connectorProfileConfig": {
      "connectorProfileProperties": {
        "CustomConnector": {"profileProperties": {"a": "b"}}
      },
      "connectorProfileCredentials": {
        "CustomConnector": {
          "authenticationType": "CUSTOM",
          "custom": {"customAuthenticationType": "token", "credentialsMap": {}}
        }
      }
    }
  })");
  request["connectorProfileConfig"]["connectorProfileCredentials"]["CustomConnector"]["custom"]["credentialsMap"]
         [credential_key] = "secret-value";
  return request;
}

constexpr const char* kKmsArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd";

void collect_patterns(const json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    if (auto it = node.find("pattern"); it != node.end() && it->is_string()) out.push_back(*it);
    for (const auto& [key, child] : node.items()) collect_patterns(child, out);
  } else if (node.is_array()) {
    for (const auto& child : node) collect_patterns(child, out);
  }
}

class EverySchema : public testing::TestWithParam<std::string_view> {};

TEST_P(EverySchema, LoadsInValijson) { EXPECT_NO_THROW(load_schema(GetParam())); }

TEST_P(EverySchema, IsInlinedAndAnchored) {
  const json schema = json::parse(GetParam());
  EXPECT_EQ(schema.dump().find("\"$ref\""), std::string::npos);
  std::vector<std::string> patterns;
  collect_patterns(schema, patterns);
  EXPECT_FALSE(patterns.empty());
  for (const auto& pattern : patterns) {
    EXPECT_TRUE(pattern.starts_with("^(?:") && pattern.ends_with(")$")) << pattern;
    EXPECT_NO_THROW(std::regex{pattern}) << pattern;  // what valijson compiles
  }
}

INSTANTIATE_TEST_SUITE_P(Bundle, EverySchema,
                         testing::Values(bundle::kUpdateConnectorProfileRequest, bundle::kCreateConnectorProfileRequest,
                                         bundle::kUpdateConnectorProfileResponse));

TEST(UpdateRequest, MinimalSalesforceIsValid) {
  EXPECT_EQ(errors(bundle::kUpdateConnectorProfileRequest, salesforce_update()), "");
}

// valijson 1.0 rejects every non-empty map when propertyNames sits in a $ref'd
// definition; inlining avoids that, and this is the proof.
TEST(UpdateRequest, CustomConnectorMapsAreValid) {
  EXPECT_EQ(errors(bundle::kUpdateConnectorProfileRequest, custom_connector_update("api_key")), "");
}

TEST(UpdateRequest, CredentialsMapKeyMustMatchPattern) {
  const auto found = errors(bundle::kUpdateConnectorProfileRequest, custom_connector_update("bad key!"));
  EXPECT_NE(found, "");
  EXPECT_NE(found.find("credentialsMap"), std::string::npos) << found;
}

// "\S+"-style patterns must not accept a string that merely contains a match.
TEST(UpdateRequest, PatternsMatchTheWholeString) {
  json request = salesforce_update();
  request["connectorProfileName"] = "my profile";
  const auto found = errors(bundle::kUpdateConnectorProfileRequest, request);
  EXPECT_NE(found.find("connectorProfileName"), std::string::npos) << found;

  request = salesforce_update();
  request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["instanceUrl"] = "a b";
  EXPECT_NE(errors(bundle::kUpdateConnectorProfileRequest, request), "");
}

TEST(UpdateRequest, MissingRequiredAndUnknownMembersFail) {
  json missing = salesforce_update();
  missing.erase("connectionMode");
  EXPECT_NE(errors(bundle::kUpdateConnectorProfileRequest, missing), "");

  json unknown = salesforce_update();
  unknown["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["instanceURL"] = "x";
  EXPECT_NE(errors(bundle::kUpdateConnectorProfileRequest, unknown), "");
}

TEST(UpdateRequest, KmsArnIsNotAccepted) {
  json request = salesforce_update();
  request["kmsArn"] = kKmsArn;
  const auto found = errors(bundle::kUpdateConnectorProfileRequest, request);
  EXPECT_NE(found.find("'kmsArn'"), std::string::npos) << found;
}

TEST(CreateRequest, KmsArnIsAccepted) {
  json request = salesforce_update();
  request["connectorType"] = "Salesforce";
  request["kmsArn"] = kKmsArn;
  EXPECT_EQ(errors(bundle::kCreateConnectorProfileRequest, request), "");
}

TEST(UpdateResponse, ArnIsChecked) {
  const json good = {{"connectorProfileArn", "arn:aws:appflow:us-east-1:123456789012:connectorprofile/my-profile"}};
  EXPECT_EQ(errors(bundle::kUpdateConnectorProfileResponse, good), "");
  EXPECT_NE(errors(bundle::kUpdateConnectorProfileResponse, json{{"connectorProfileArn", "nope"}}), "");
}

}  // namespace
