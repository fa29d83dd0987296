// End-to-end tests of the kotae command: exit codes, one-line errors, refusals, outputs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;

using Outcome = kotae::test::CommandResult;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kotae_cli_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("library.csv",
          "No.,分類,質問,回答\n"
          "1,認証,管理画面へのログインに多要素認証を利用していますか,"
          "管理者アカウントには多要素認証を必須としています。\n"
          "2,バックアップ,バックアップの取得頻度と保管世代,"
          "日次でフルバックアップを取得し、7世代保管しています。\n"
          "3,暗号化,通信の暗号化,全ての通信をTLS1.2以上で暗号化しています。\n");
    Write("incoming.csv",
          "No.,分類,質問,回答\n"
          "1,認証,管理画面へのログインに多要素認証を利用していますか,\n"
          "2,バックアップ,バックアップの取得頻度と保管世代を教えてください,\n"
          "3,設備,データセンターの耐震性能について,\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // `kotae ARGS` (a shell command line: ARGS quote their paths).
  Outcome Run(const std::string& args) {
    return kotae::test::RunShell(std::string(KOTAE_BINARY) + " " + args);
  }

  fs::path dir_;
};

int Lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST_F(CliTest, ParsePrintsItemsAsJson) {
  Outcome o = Run("parse --json '" + Path("library.csv") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["items"].size(), 3u);
  EXPECT_EQ(j["items"][1]["answer"], "日次でフルバックアップを取得し、7世代保管しています。");
  EXPECT_EQ(j["items"][1]["answer_col"], "D");
}

TEST_F(CliTest, MissingFileIsOneLineAndExitTwo) {
  Outcome o = Run("parse '" + Path("nope.xlsx") + "'");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(Lines(o.err), 1) << o.err;
  EXPECT_NE(o.err.find("nope.xlsx"), std::string::npos);
}

TEST_F(CliTest, AnswerWritesRunAndFilledCsv) {
  Outcome o = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("library.csv") +
                  "' --json '" + Path("run.json") + "' -o '" + Path("filled.csv") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto run = nlohmann::json::parse(Read("run.json"));
  ASSERT_EQ(run["items"].size(), 3u);
  EXPECT_NE(run["items"][0]["status"], "no_match");
  EXPECT_EQ(run["items"][2]["status"], "no_match");
  EXPECT_EQ(run["items"][2]["answer"], "");
  const std::string filled = Read("filled.csv");
  EXPECT_NE(filled.find("7世代保管しています"), std::string::npos);
  // The input is never modified.
  EXPECT_EQ(Read("incoming.csv").find("7世代"), std::string::npos);
}

// A sheet answered by marking 「はい」 or 「いいえ」: the filled file has the mark under the option
// the library's answer means, the text in the comment column, and reads back with that choice.
TEST_F(CliTest, MarkColumnsAreFilledAndReadBack) {
  Write("marks.csv",
        "項番,チェック項目,はい,いいえ,該当なし,コメント\n"
        "1,管理画面へのログインに多要素認証を利用していますか,,,,\n"
        "2,データセンターの耐震性能について,,,,\n");
  Write("library_yes.csv",
        "No.,質問,回答,備考\n"
        "1,管理画面へのログインに多要素認証を利用していますか,はい,"
        "管理者アカウントには多要素認証を必須としています。\n");
  Outcome o = Run("answer '" + Path("marks.csv") + "' --library '" + Path("library_yes.csv") +
                  "' --quiet -o '" + Path("filled.csv") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(Read("filled.csv").find("○,,,はい 管理者アカウントには多要素認証を必須としています。"),
            std::string::npos)
      << Read("filled.csv");
  Outcome parsed = Run("parse --json '" + Path("filled.csv") + "'");
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  const auto items = nlohmann::json::parse(parsed.out)["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["choice"], "はい");
  EXPECT_EQ(items[0]["option_cols"], nlohmann::json::array({"C", "D", "E"}));
  EXPECT_EQ(items[1]["choice"], "");
}

TEST_F(CliTest, RefusesToOverwriteAnInput) {
  const std::string before = Read("incoming.csv");
  Outcome o = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("library.csv") +
                  "' -o '" + Path("incoming.csv") + "'");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(Lines(o.err), 1);
  EXPECT_NE(o.err.find("refusing"), std::string::npos);
  EXPECT_EQ(Read("incoming.csv"), before);
  Outcome lib = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("library.csv") +
                    "' --json '" + Path("library.csv") + "'");
  EXPECT_EQ(lib.exit_code, 2);
}

TEST_F(CliTest, BadLibraryFailsWithoutPartialOutput) {
  Write("broken.xlsx", "PK\x03\x04 this is not a zip");
  Outcome o = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("broken.xlsx") +
                  "' --json '" + Path("run.json") + "' -o '" + Path("filled.csv") + "'");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("broken.xlsx"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "run.json"));
  EXPECT_FALSE(fs::exists(dir_ / "filled.csv"));
}

// A library with nothing to answer from (a blank sheet passed as --library by mistake) is bad
// input; one such file among others only earns a warning naming it.
TEST_F(CliTest, LibraryWithoutAnswersIsRefusedAndAnEmptyFileWarned) {
  Write("blank.csv", "No.,分類,質問,回答\n1,認証,多要素認証を利用していますか,\n");
  Outcome alone = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("blank.csv") +
                      "' --json '" + Path("run.json") + "'");
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_EQ(Lines(alone.err), 1) << alone.err;
  EXPECT_NE(alone.err.find("blank.csv"), std::string::npos) << alone.err;
  EXPECT_FALSE(fs::exists(dir_ / "run.json"));

  Outcome mixed =
      Run("answer '" + Path("incoming.csv") + "' --library '" + Path("blank.csv") +
          "' --library '" + Path("library.csv") + "' --quiet --json '" + Path("run.json") + "'");
  EXPECT_EQ(mixed.exit_code, 0) << mixed.err;
  EXPECT_NE(mixed.err.find("warning: " + Path("blank.csv")), std::string::npos) << mixed.err;
  EXPECT_TRUE(fs::exists(dir_ / "run.json"));
}

// A sheet in which no question is found would come back unchanged: kotae says so instead.
TEST_F(CliTest, SheetWithoutQuestionsIsRefused) {
  Write("header_only.csv", "No.,分類,質問,回答\n");
  Outcome o = Run("answer '" + Path("header_only.csv") + "' --library '" + Path("library.csv") +
                  "' --json '" + Path("run.json") + "'");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(Lines(o.err), 1) << o.err;
  EXPECT_NE(o.err.find("header_only.csv: no questions found"), std::string::npos) << o.err;
  EXPECT_FALSE(fs::exists(dir_ / "run.json"));
}

// --set changes a tunable for this run: with an answer threshold above any confidence nothing
// goes out unreviewed; a bad setting is bad input that names itself, and writes nothing.
TEST_F(CliTest, SetOverridesATunableAndRejectsBadSettings) {
  const std::string base = "answer '" + Path("incoming.csv") + "' --library '" +
                           Path("library.csv") + "' --json '" + Path("run.json") + "'";
  Outcome normal = Run(base);
  ASSERT_EQ(normal.exit_code, 0) << normal.err;
  EXPECT_EQ(nlohmann::json::parse(Read("run.json"))["items"][0]["status"], "answered");

  Outcome strict = Run(base + " --set answer_threshold=1.5");
  ASSERT_EQ(strict.exit_code, 0) << strict.err;
  const nlohmann::json strict_run = nlohmann::json::parse(Read("run.json"));
  for (const auto& item : strict_run["items"]) {
    EXPECT_NE(item["status"], "answered") << item.dump();
  }

  fs::remove(dir_ / "run.json");
  for (const char* bad : {"no_such_option=1", "answer_threshold=high", "answer_threshold"}) {
    Outcome o = Run(base + " --set '" + std::string(bad) + "'");
    EXPECT_EQ(o.exit_code, 2) << bad;
    EXPECT_EQ(Lines(o.err), 1) << o.err;
    EXPECT_FALSE(fs::exists(dir_ / "run.json")) << bad;
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run("answer '" + Path("incoming.csv") + "'").exit_code, 2);  // no --library
  EXPECT_EQ(Run("parse '" + Path("incoming.csv") + "' --question-col '!!'").exit_code, 2);
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
}

TEST(ParseColumn, LettersAndNumbers) {
  EXPECT_EQ(kotae::cli::ParseColumn("A"), 0);
  EXPECT_EQ(kotae::cli::ParseColumn("c"), 2);
  EXPECT_EQ(kotae::cli::ParseColumn("AB"), 27);
  EXPECT_EQ(kotae::cli::ParseColumn("3"), 2);
  EXPECT_EQ(kotae::cli::ParseColumn(""), -1);
  EXPECT_EQ(kotae::cli::ParseColumn("0"), -2);
  EXPECT_EQ(kotae::cli::ParseColumn("!!"), -2);
}

}  // namespace
