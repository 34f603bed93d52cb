// Pre-flight check before calling AppFlow: lint an UpdateConnectorProfile request
// that the program builds as nlohmann::json, and refuse to send it while the
// linter reports an error.
//
//   preflight            lints a faulty request (refused), fixes it, lints it again (sent)
//   preflight --no-fix   stops after the refusal: exit status 1
#include <cstdio>
#include <string>
#include <string_view>

#include <appflow_lint/appflow_lint.hpp>
#include <appflow_lint/nlohmann.hpp>

namespace {

using nlohmann::json;

// Two faults the service would reject with a ValidationException: a space in the
// profile name, and the connection mode in the wrong case.
json build_request() {
  return {
      {"connectorProfileName", "acme salesforce prod"},
      {"connectionMode", "public"},
      {"connectorProfileConfig",
       {{"connectorProfileProperties",
         {{"Salesforce", {{"instanceUrl", "https://acme-corp.my.salesforce.com"}, {"isSandboxEnvironment", false}}}}},
        {"connectorProfileCredentials",
         {{"Salesforce",
           {{"oAuth2GrantType", "AUTHORIZATION_CODE"},
            {"refreshToken",
             "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrfsRHq9u2hEwWpZEmxHWzl3wrGTOeN4wAsK3ZD3D0aUHBMTnD"}}}}}}},
  };
}

// Stands in for the AWS SDK call; only reached with a request the linter accepts.
bool send_if_valid(const appflow_lint::Linter& linter, const json& request) {
  const appflow_lint::LintResult result = appflow_lint::lint_json(linter, request);
  for (const appflow_lint::Diagnostic& d : result.diagnostics) {
    // Messages never contain the value of a sensitive member, so they are safe to log.
    std::printf("  %s %s at %s: %s\n", std::string(appflow_lint::to_string(d.severity)).c_str(), d.rule.c_str(),
                d.pointer.empty() ? "/" : d.pointer.c_str(), d.message.c_str());
  }
  if (!result.ok()) {
    std::printf("refusing to send: %zu error(s)\n", result.count(appflow_lint::Severity::Error));
    return false;
  }
  std::printf("sending UpdateConnectorProfile for %s\n", request["connectorProfileName"].get<std::string>().c_str());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const bool fix = !(argc > 1 && std::string_view(argv[1]) == "--no-fix");
  std::printf("appflow-lint %s\n", appflow_lint::kVersion);

  // Build once, reuse for every request (lint_json may run on many threads at once).
  appflow_lint::LinterOptions options;
  options.operation = appflow_lint::Operation::UpdateConnectorProfile;
  const appflow_lint::Linter linter(options);

  json request = build_request();
  std::printf("first attempt:\n");
  if (send_if_valid(linter, request)) return 0;  // not expected: the request is faulty
  if (!fix) return 1;

  request["connectorProfileName"] = "acme-salesforce-prod";
  request["connectionMode"] = "Public";
  std::printf("after fixing:\n");
  return send_if_valid(linter, request) ? 0 : 1;
}
