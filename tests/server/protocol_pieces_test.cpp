// The server's pieces that need no client: incremental changes, URIs, "fix all"'s one
// edit, the config edit of "turn this rule off for this file".
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "config.hpp"
#include "request_shape.hpp"
#include "server/code_actions.hpp"
#include "server/config_edit.hpp"
#include "server/document_store.hpp"
#include "server/workspace.hpp"

namespace appflow_lint::server {
namespace {
namespace fs = std::filesystem;

nlohmann::json change(std::uint32_t line, std::uint32_t from, std::uint32_t to, std::string text) {
  return {{"range", {{"start", {{"line", line}, {"character", from}}}, {"end", {{"line", line}, {"character", to}}}}},
          {"text", std::move(text)}};
}

TEST(DocumentStore, AppliesIncrementalChangesInTheNegotiatedEncoding) {
  DocumentStore store;
  store.open("file:///a.json", "json", 1, "{\"k\": \"😀ab\"}");
  // In UTF-16 the emoji is two units: "a" is character 9.
  ASSERT_TRUE(
      store.change("file:///a.json", 2, nlohmann::json::array({change(0, 9, 10, "X")}), PositionEncoding::Utf16));
  EXPECT_EQ(store.find("file:///a.json")->text, "{\"k\": \"😀Xb\"}");
  EXPECT_EQ(store.find("file:///a.json")->version, 2);
  // Changes apply in order, each to the text the one before left.
  ASSERT_TRUE(store.change("file:///a.json", 3, nlohmann::json::array({change(0, 0, 1, "[\n"), change(1, 0, 0, "1,")}),
                           PositionEncoding::Utf8));
  EXPECT_EQ(store.find("file:///a.json")->text, "[\n1,\"k\": \"😀Xb\"}");
  // A whole-text change, and a malformed one that changes nothing.
  ASSERT_TRUE(store.change("file:///a.json", 4, nlohmann::json::array({{{"text", "{}"}}}), PositionEncoding::Utf8));
  EXPECT_FALSE(store.change("file:///a.json", 5, nlohmann::json::array({{{"range", 3}, {"text", "x"}}}),
                            PositionEncoding::Utf8));
  EXPECT_EQ(store.find("file:///a.json")->text, "{}");
  EXPECT_FALSE(store.change("file:///b.json", 1, nlohmann::json::array(), PositionEncoding::Utf8));
}

TEST(Workspace, FileUrisArePercentDecoded) {
  EXPECT_EQ(path_from_uri("file:///tmp/a%20b/c%C3%A9.json"), fs::path("/tmp/a b/cé.json"));
  EXPECT_EQ(path_from_uri("file://localhost/x.json"), fs::path("/x.json"));
  EXPECT_FALSE(path_from_uri("untitled:Untitled-1"));
  EXPECT_FALSE(path_from_uri("file://server/share/x.json"));
  EXPECT_FALSE(path_from_uri("file:///a%00b"));
}

TEST(Workspace, AProfileIsADocumentWithConnectorProfileConfigAtTheTop) {
  using appflow_lint::cli::looks_like_profile;
  EXPECT_TRUE(looks_like_profile(R"({"connectorProfileConfig": {}})"));
  EXPECT_FALSE(looks_like_profile(R"({"other": {"connectorProfileConfig": {}}})"));
  EXPECT_FALSE(looks_like_profile(R"({"name": "x"})"));
  EXPECT_TRUE(looks_like_profile(R"({"connectorProfileConfig": {)"));  // mid-edit
}

TEST(RequestShape, ARequestHasATopLevelMemberOfEitherShapeInAnyCase) {
  using appflow_lint::cli::looks_like_request;
  EXPECT_TRUE(looks_like_request(R"({"connectorProfileName": "x"})"));
  EXPECT_TRUE(looks_like_request(R"({"a": [1, {"b": 2}], "kmsArn": "k"})"));       // Create only
  EXPECT_TRUE(looks_like_request(R"({"ConnectorProfileConfig": {}})"));            // misspelt case
  EXPECT_TRUE(looks_like_request("{\"connectionMode\": \"Public\",}"));            // a syntax error after it
  EXPECT_TRUE(looks_like_request("{,\"connectorType\": 1}"));                      // before it: the name decides
  constexpr char kUtf16[] = "{\0\"\0c\0o\0n\0n\0e\0c\0t\0o\0r\0T\0y\0p\0e\0\"\0";  // UTF-16 LE
  EXPECT_TRUE(looks_like_request(std::string_view(kUtf16, sizeof kUtf16 - 1)));
  EXPECT_FALSE(looks_like_request(R"({"name": "x", "version": "1.0.0"})"));
  EXPECT_FALSE(looks_like_request(R"({"nested": {"connectorProfileName": "x"}})"));
  EXPECT_FALSE(looks_like_request(R"([{"connectorProfileName": "x"}])"));
  EXPECT_FALSE(looks_like_request(""));
  EXPECT_FALSE(looks_like_request("{broken"));
}

TEST(FixAll, EditsOnlyWhatChanged) {
  const auto action =
      fix_all("file:///a.json", "{\"a\": \"true\", \"é\": 1}", "{\"a\": true, \"é\": 1}", PositionEncoding::Utf16);
  ASSERT_TRUE(action.is_object());
  const auto& edits = action["edit"]["changes"]["file:///a.json"];
  ASSERT_EQ(edits.size(), 2U);  // the two quotes, not the word between them
  EXPECT_EQ(edits[0]["newText"], "");
  EXPECT_EQ(edits[0]["range"]["start"]["character"], 6);
  EXPECT_EQ(edits[0]["range"]["end"]["character"], 7);
  EXPECT_EQ(edits[1]["range"]["start"]["character"], 11);
  EXPECT_TRUE(fix_all("file:///a.json", "{}", "{}", PositionEncoding::Utf16).is_null());
}

TEST(FixAll, TextBetweenFixesIsNeverSent) {
  const std::string secret = "s3cr3t-T0ken-between-fixes";
  const std::string before = "{\"a\": \"true\", \"token\": \"" + secret + "\", \"b\": \"5439\"}";
  const std::string after = "{\"a\": true, \"token\": \"" + secret + "\", \"b\": 5439}";
  const auto action = fix_all("u", before, after, PositionEncoding::Utf8);
  ASSERT_TRUE(action.is_object());
  EXPECT_EQ(action.dump().find("T0ken"), std::string::npos) << action.dump();
  // Applied back to front, the edits give the fixed text.
  std::string applied = before;
  const auto& edits = action["edit"]["changes"]["u"];
  for (auto edit = edits.rbegin(); edit != edits.rend(); ++edit) {
    const std::size_t begin = (*edit)["range"]["start"]["character"];
    const std::size_t end = (*edit)["range"]["end"]["character"];
    applied.replace(begin, end - begin, (*edit)["newText"].get<std::string>());
  }
  EXPECT_EQ(applied, after);
}

TEST(FixAll, NeverSplitsACharacterOrALineBreak) {
  // "é" (C3 A9) -> "è" (C3 A8): the shared lead byte goes into the edit.
  const auto action = fix_all("u", "\"é\"", "\"è\"", PositionEncoding::Utf16);
  const auto& edit = action["edit"]["changes"]["u"][0];
  EXPECT_EQ(edit["newText"], "è");
  EXPECT_EQ(edit["range"]["start"]["character"], 1);
  EXPECT_EQ(edit["range"]["end"]["character"], 2);
  const auto crlf = fix_all("u", "[1,\r\n2]", "[1,\n2]", PositionEncoding::Utf16);
  EXPECT_EQ(crlf["edit"]["changes"]["u"][0]["newText"], "\n");
}

TEST(CodeActions, KindsAreHierarchical) {
  EXPECT_TRUE(kind_requested(nullptr, kFixAllKind));
  EXPECT_TRUE(kind_requested(nlohmann::json::array({"source"}), kFixAllKind));
  EXPECT_TRUE(kind_requested(nlohmann::json::array({"source.fixAll"}), kFixAllKind));
  EXPECT_FALSE(kind_requested(nlohmann::json::array({"source.organizeImports"}), kFixAllKind));
  EXPECT_FALSE(kind_requested(nlohmann::json::array({"quickfix"}), kFixAllKind));
  EXPECT_FALSE(kind_requested(nlohmann::json::array({"quick"}), "quickfix"));
}

class ConfigEditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("appflow-lint-config-edit-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "profiles" / "deep");
  }
  void TearDown() override { fs::remove_all(folder_); }
  static std::string read(const fs::path& path) {
    std::ifstream input(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
  }
  fs::path folder_;
};

TEST_F(ConfigEditTest, CreatesAConfigInTheWorkspaceRootThatTheCliReads) {
  const fs::path file = folder_ / "profiles" / "deep" / "a[1].json";
  const fs::path config = config_to_edit(file, {folder_});
  EXPECT_EQ(config, folder_ / cli::kConfigFileName);
  ASSERT_EQ(disable_rule_for_file(config, file, "value.placeholder"), "");
  ASSERT_EQ(disable_rule_for_file(config, file, "url.example-host"), "");
  const auto written = nlohmann::json::parse(read(config));
  ASSERT_EQ(written["overrides"].size(), 2U);  // one override per rule, in order
  EXPECT_EQ(written["overrides"][1]["rules"]["url.example-host"], "off");

  cli::Config loaded;
  std::string error;
  ASSERT_TRUE(loaded.load("", error, file.parent_path())) << error;
  const auto settings = loaded.settings_for(file.string(), std::nullopt);
  ASSERT_TRUE(settings.severities.contains("value.placeholder"));
  EXPECT_FALSE(settings.severities.at("value.placeholder").has_value());
  // The glob is escaped: a sibling that its brackets would match is not affected.
  EXPECT_FALSE(loaded.settings_for((folder_ / "profiles" / "deep" / "a1.json").string(), std::nullopt)
                   .severities.contains("value.placeholder"));
}

TEST_F(ConfigEditTest, EditsTheNearestConfigAndKeepsItsSettings) {
  std::ofstream(folder_ / "profiles" / cli::kConfigFileName) << R"({"rules": {"jwt.expired": "warning"}})";
  const fs::path file = folder_ / "profiles" / "deep" / "b.json";
  const fs::path config = config_to_edit(file, {folder_});
  EXPECT_EQ(config, folder_ / "profiles" / cli::kConfigFileName);
  ASSERT_EQ(disable_rule_for_file(config, file, "value.placeholder"), "");
  const auto written = nlohmann::json::parse(read(config));
  EXPECT_EQ(written["rules"]["jwt.expired"], "warning");
  EXPECT_EQ(written["overrides"][0]["files"][0], "deep/b.json");
}

TEST_F(ConfigEditTest, KeepsCommentsAndLayout) {
  const std::string text = "{\n  // ours\n  \"rules\": {\"jwt.expired\": \"off\"} /* more */\n}\n";
  std::ofstream(folder_ / cli::kConfigFileName) << text;
  ASSERT_EQ(disable_rule_for_file(folder_ / cli::kConfigFileName, folder_ / "x.json", "value.placeholder"), "");
  const std::string edited = read(folder_ / cli::kConfigFileName);
  EXPECT_EQ(edited,
            "{\n  // ours\n  \"rules\": {\"jwt.expired\": \"off\"},\n  \"overrides\": [\n    {\"files\": [\"x.json\"], "
            "\"rules\": {\"value.placeholder\": \"off\"}}\n  ] /* more */\n}\n");
  // A second one joins the array, after the first.
  ASSERT_EQ(disable_rule_for_file(folder_ / cli::kConfigFileName, folder_ / "y.json", "jwt.unsigned"), "");
  const auto parsed =
      nlohmann::json::parse(read(folder_ / cli::kConfigFileName), nullptr, false, /*ignore_comments=*/true);
  ASSERT_EQ(parsed["overrides"].size(), 2U);
  EXPECT_EQ(parsed["overrides"][1]["files"][0], "y.json");
  EXPECT_NE(read(folder_ / cli::kConfigFileName).find("// ours"), std::string::npos);
}

TEST_F(ConfigEditTest, AnEmptyObjectAndAnEmptyArrayGetTheirFirstEntry) {
  for (const std::string text : {"{}", "{\"overrides\": []}", "{\"overrides\": [ // none yet\n]}"}) {
    std::ofstream(folder_ / cli::kConfigFileName, std::ios::trunc) << text;
    ASSERT_EQ(disable_rule_for_file(folder_ / cli::kConfigFileName, folder_ / "x.json", "value.placeholder"), "")
        << text;
    const auto parsed =
        nlohmann::json::parse(read(folder_ / cli::kConfigFileName), nullptr, false, /*ignore_comments=*/true);
    ASSERT_TRUE(parsed.is_object()) << read(folder_ / cli::kConfigFileName);
    EXPECT_EQ(parsed["overrides"].size(), 1U) << text;
  }
}

TEST_F(ConfigEditTest, RefusesAConfigThatIsNotAnObject) {
  for (const std::string text : {"[1]", "{\"rules\": ", "{\"overrides\": 3}"}) {
    std::ofstream(folder_ / cli::kConfigFileName, std::ios::trunc) << text;
    EXPECT_NE(disable_rule_for_file(folder_ / cli::kConfigFileName, folder_ / "x.json", "value.placeholder"), "")
        << text;
    EXPECT_EQ(read(folder_ / cli::kConfigFileName), text);
  }
}

}  // namespace
}  // namespace appflow_lint::server
