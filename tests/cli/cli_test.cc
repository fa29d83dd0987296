// End-to-end tests of the kotae command: exit codes, one-line errors, refusals, outputs.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/commands.h"

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code;
  std::string stdout_text;
  std::string stderr_text;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kotae_cli_" +
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

  Outcome Run(const std::string& args) {
    const std::string err_path = Path("stderr.txt");
    const std::string command = std::string(KOTAE_BINARY) + " " + args + " 2>'" + err_path + "'";
    Outcome o{};
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
      o.stdout_text.append(buf.data(), n);
    const int status = ::pclose(pipe);
    o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.stderr_text = Read("stderr.txt");
    return o;
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
  ASSERT_EQ(o.exit_code, 0) << o.stderr_text;
  const auto j = nlohmann::json::parse(o.stdout_text);
  ASSERT_EQ(j["items"].size(), 3u);
  EXPECT_EQ(j["items"][1]["answer"], "日次でフルバックアップを取得し、7世代保管しています。");
  EXPECT_EQ(j["items"][1]["answer_col"], "D");
}

TEST_F(CliTest, MissingFileIsOneLineAndExitTwo) {
  Outcome o = Run("parse '" + Path("nope.xlsx") + "'");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(Lines(o.stderr_text), 1) << o.stderr_text;
  EXPECT_NE(o.stderr_text.find("nope.xlsx"), std::string::npos);
}

TEST_F(CliTest, AnswerWritesRunAndFilledCsv) {
  Outcome o = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("library.csv") +
                  "' --json '" + Path("run.json") + "' -o '" + Path("filled.csv") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.stderr_text;
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

TEST_F(CliTest, RefusesToOverwriteAnInput) {
  const std::string before = Read("incoming.csv");
  Outcome o = Run("answer '" + Path("incoming.csv") + "' --library '" + Path("library.csv") +
                  "' -o '" + Path("incoming.csv") + "'");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(Lines(o.stderr_text), 1);
  EXPECT_NE(o.stderr_text.find("refusing"), std::string::npos);
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
  EXPECT_NE(o.stderr_text.find("broken.xlsx"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "run.json"));
  EXPECT_FALSE(fs::exists(dir_ / "filled.csv"));
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
