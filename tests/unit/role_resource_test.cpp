// arn::is_role_resource must answer as the IAM role regex it replaces does.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "appflow_lint/rules/arn/role_resource.hpp"

namespace appflow_lint::rules::arn {
namespace {

const re2::RE2& role_regex() {
  static const re2::RE2 re(R"(role(?:/|/[\x21-\x7E]+/)[\w+=,.@-]{1,64})");
  return re;
}

void expect_agreement(const std::string& resource) {
  EXPECT_EQ(is_role_resource(resource), re2::RE2::FullMatch(resource, role_regex())) << '"' << resource << '"';
}

TEST(RoleResource, AgreesWithTheRegexOnEveryShortString) {
  // Every string of up to four pieces after each start: the name's and the path's
  // characters and their edges (space, DEL, a tab, a multi-byte letter, another '/').
  const std::vector<std::string> starts{"role/", "role", "Role/", "roles/", "", "role//", "user/"};
  const std::vector<std::string> pieces{"/", "a", "Z", "9", "_", "+", "=",    ",",  ".",
                                        "@", "-", " ", "~", "!", ":", "\x7f", "\t", "\xc3\xa9"};
  std::size_t accepted = 0;
  std::size_t checked = 0;
  for (const std::string& start : starts) {
    std::vector<std::string> level{start};
    for (int length = 0; length <= 4; ++length) {
      std::vector<std::string> next;
      for (const std::string& text : level) {
        expect_agreement(text);
        accepted += is_role_resource(text) ? 1 : 0;
        ++checked;
        if (length < 4) {
          for (const std::string& piece : pieces) next.push_back(text + piece);
        }
      }
      level = std::move(next);
    }
  }
  // Both answers occur often, so agreement is not two functions that always say no.
  EXPECT_GT(accepted, checked / 100);
  EXPECT_LT(accepted, checked / 2);
}

TEST(RoleResource, AgreesAtTheNameLengthLimit) {
  for (const std::string& path : {std::string("role/"), std::string("role/service-role/"), std::string("role/a/b/")}) {
    for (std::size_t length = 60; length <= 70; ++length) expect_agreement(path + std::string(length, 'n'));
  }
  EXPECT_TRUE(is_role_resource("role/" + std::string(64, 'n')));
  EXPECT_FALSE(is_role_resource("role/" + std::string(65, 'n')));
}

TEST(RoleResource, RealRoleResources) {
  for (const char* resource : {"role/AppFlowRedshift", "role/service-role/AppFlow-Redshift_1", "role/a/b/c/name@x",
                               "role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123"}) {
    EXPECT_TRUE(is_role_resource(resource)) << resource;
    expect_agreement(resource);
  }
  for (const char* resource : {"role/", "role//name", "role/path/", "role/my role", "user/AppFlow", "role"}) {
    EXPECT_FALSE(is_role_resource(resource)) << resource;
    expect_agreement(resource);
  }
}

}  // namespace
}  // namespace appflow_lint::rules::arn
