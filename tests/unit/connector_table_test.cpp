// The connector table's lookup by member name (a hash table built at compile time)
// against a scan of the rows, for every member and for names near them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "appflow_lint/rules/connectors/connector_table.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace {

using appflow_lint::rules::connectors::connector_rows;
using appflow_lint::rules::connectors::ConnectorRow;
using appflow_lint::rules::connectors::find_by_member;

const ConnectorRow* scanned(std::string_view member) {
  for (const ConnectorRow& row : connector_rows()) {
    if (row.member == member) return &row;
  }
  return nullptr;
}

TEST(ConnectorTable, FindsEveryRowByItsMember) {
  for (const ConnectorRow& row : connector_rows()) EXPECT_EQ(find_by_member(row.member), &row) << row.member;
}

TEST(ConnectorTable, FindsNothingForNamesNearAMember) {
  std::vector<std::string> near{"",          "S",           "salesforce", "SALESFORCE", "Salesforce ", " Salesforce",
                                "Salesforc", "Salesforcee", "servicenow", "Custom",     "Connector"};
  for (const ConnectorRow& row : connector_rows()) {
    const std::string member(row.member);
    near.push_back(member + "x");
    near.push_back(member.substr(1));
    near.push_back(member.substr(0, member.size() - 1));
    std::string swapped = member;
    swapped.front() = static_cast<char>(swapped.front() ^ 0x20);  // the first letter's case
    near.push_back(swapped);
  }
  for (const std::string& name : near) EXPECT_EQ(find_by_member(name), scanned(name)) << '"' << name << '"';
}

// connectors_in() takes an exact match as the only match: that holds while no two
// members differ only in case.
TEST(ConnectorTable, NoTwoMembersDifferOnlyInCase) {
  const auto rows = connector_rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      EXPECT_FALSE(appflow_lint::ascii::equal_ignoring_case(rows[i].member, rows[j].member))
          << rows[i].member << " and " << rows[j].member;
    }
  }
}

}  // namespace
