// The schema engine's two halves must agree: valijson's verdict, and the
// keyword-by-keyword classification that writes the diagnostics. Over thousands
// of mutations of valid requests, a document is invalid exactly when at least
// one schema.* diagnostic is reported, and a valid one gets none.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/schema_engine/schema_bundle.hpp"
#include "appflow_lint/schema_engine/schema_validator.hpp"
#include "json_paths.hpp"

namespace appflow_lint::schema_engine {
namespace {

using nlohmann::json;

const std::vector<json>& base_requests() {
  static const std::vector<json> requests = {
      json::parse(R"({"connectorProfileName": "sf_prod", "connectionMode": "Public", "clientToken": "t-1",
        "connectorProfileConfig": {
          "connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://acme.my.salesforce.com", "isSandboxEnvironment": false}},
          "connectorProfileCredentials": {"Salesforce": {"accessToken": "a", "refreshToken": "r", "oAuth2GrantType": "AUTHORIZATION_CODE",
            "oAuthRequest": {"authCode": "c", "redirectUri": "https://login.example.com/cb"}}}}})"),
      json::parse(R"({"connectorProfileName": "sap", "connectionMode": "Private",
        "connectorProfileConfig": {
          "connectorProfileProperties": {"SAPOData": {"applicationHostUrl": "https://sap.example.com", "applicationServicePath": "/sap/opu/odata",
            "portNumber": 443, "clientNumber": "100", "logonLanguage": "EN", "privateLinkServiceName": "com.amazonaws.vpce.us-east-1.vpce-svc-1",
            "oAuthProperties": {"tokenUrl": "https://sap.example.com/token", "authCodeUrl": "https://sap.example.com/auth", "oAuthScopes": ["read", "write"]}}},
          "connectorProfileCredentials": {"SAPOData": {"basicAuthCredentials": {"username": "u", "password": "p"}}}}})"),
      json::parse(R"({"connectorProfileName": "custom", "connectionMode": "Public",
        "connectorProfileConfig": {
          "connectorProfileProperties": {"CustomConnector": {"profileProperties": {"region": "eu", "tier": "gold"},
            "oAuth2Properties": {"oAuth2GrantType": "CLIENT_CREDENTIALS", "tokenUrl": "https://auth.example.com/token",
              "tokenUrlCustomProperties": {"audience": "api"}}}},
          "connectorProfileCredentials": {"CustomConnector": {"authenticationType": "CUSTOM",
            "custom": {"customAuthenticationType": "hmac", "credentialsMap": {"key_id": "k1", "secret": "s1"}}}}}})"),
      json::parse(R"({"connectorProfileName": "rs", "connectionMode": "Public",
        "connectorProfileConfig": {
          "connectorProfileProperties": {"Redshift": {"databaseUrl": "jdbc:redshift://c.example.com:5439/dev", "bucketName": "appflow-stage",
            "roleArn": "arn:aws:iam::123456789012:role/R", "isRedshiftServerless": true, "workgroupName": "wg", "databaseName": "dev"}},
          "connectorProfileCredentials": {"Redshift": {"username": "u", "password": "p"}}}})"),
  };
  return requests;
}

json mutate(const json& base, const std::string& pointer, int kind, std::mt19937& random) {
  json copy = base;
  json& target = copy[json::json_pointer(pointer)];
  switch (kind) {
    case 0:
      target = nullptr;
      break;
    case 1:
      target = "";
      break;
    case 2:
      target = "two words";
      break;
    case 3:
      target = std::string(300 + random() % 3000, 'x');
      break;
    case 4:
      target = 0;
      break;
    case 5:
      target = 70000;
      break;
    case 6:
      target = json::array({"x y"});
      break;
    case 7:
      target = json::object();
      break;
    case 8:
      if (target.is_object())
        target["unknownMember"] = 1;
      else
        target = true;
      break;
    case 9:
      if (target.is_object() && !target.empty())
        target.erase(target.begin());
      else
        target = "\u00e9\u00e9";
      break;
    case 10:
      if (target.is_object())
        target["bad key!"] = "v";
      else
        target = 1.5;
      break;
    case 11:
      target = "public";
      break;
    case 12:
      target = 443.0;
      break;  // integral floats: a type fault for integer members
    case 13:
      target = 1e20;
      break;  // past 64 bits: a range fault
    default:
      target = -0.0;
      break;
  }
  return copy;
}

TEST(SchemaAgreement, ValijsonVerdictMatchesClassificationOnMutations) {
  const SchemaValidator validator(schema_bundle::kUpdateConnectorProfileRequest, "UpdateConnectorProfile", {}, "");
  std::mt19937 random(20260823);
  int invalid = 0;
  int valid = 0;
  for (const auto& base : base_requests()) {
    Reporter clean;
    ASSERT_TRUE(validator.validate(base, clean)) << base.dump();
    ASSERT_TRUE(clean.empty());
    std::vector<std::string> pointers;
    testing::collect_pointers(base, "", pointers);
    for (const auto& pointer : pointers) {
      if (pointer.empty()) continue;
      for (int kind = 0; kind < 15; ++kind) {
        const json mutated = mutate(base, pointer, kind, random);
        Reporter reporter;
        const bool ok = validator.validate(mutated, reporter);
        EXPECT_EQ(ok, reporter.empty()) << "at " << pointer << " kind " << kind << ": " << mutated.dump();
        (ok ? valid : invalid) += 1;
      }
    }
  }
  // The mutations must exercise both verdicts, or the test proves nothing.
  EXPECT_GT(invalid, 500);
  EXPECT_GT(valid, 20);
}

}  // namespace
}  // namespace appflow_lint::schema_engine
