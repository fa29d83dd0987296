// The review report in a real browser: headless Chromium loads the page from a file, runs its
// script, and dumps the DOM. Filters are driven through the URL fragment the script reads on
// load (#status=…, #q=…), so the dumped DOM shows which items the script hid. Skips with a
// message when /usr/bin/chromium is absent.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "answer/report.h"
#include "support/run_command.h"

namespace kotae::answer {
namespace {

namespace fs = std::filesystem;

constexpr char kChromium[] = "/usr/bin/chromium";

AnswerRun BrowserRun() {
  AnswerRun run;
  run.questionnaire_path = "/in/セキュリティチェックシート.xlsx";
  run.library_paths = {"/lib/past_answers.xlsx"};
  auto item = [](std::string id, std::string question, Status status, std::string answer,
                 double confidence) {
    ItemResult r;
    r.id = std::move(id);
    r.question = std::move(question);
    r.status = status;
    r.answer = std::move(answer);
    r.confidence = confidence;
    r.reason = "test";
    if (!r.answer.empty()) {
      r.sources = {{"/lib/past_answers.xlsx", "回答!R3", r.question, r.answer, 5.0, {"MFA"}}};
    }
    return r;
  };
  run.items = {
      item("S!R1", "管理者アカウントに MFA を必須としていますか。", Status::kAnswered,
           "はい、管理者には MFA を必須としています。", 0.92),
      item("S!R2", "Is <script>document.title='pwned'</script> data encrypted at rest?",
           Status::kNeedsReview, "Data is encrypted with AES-256.", 0.41),
      item("S!R3", "建物の耐震基準を満たしていますか。", Status::kNoMatch, "", 0.05),
      item("S!R4", "バックアップの取得頻度は？", Status::kNeedsReview, "日次で取得しています。",
           0.5),
  };
  return run;
}

class ReportChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) GTEST_SKIP() << kChromium << " not installed; browser test skipped";
    dir_ = fs::temp_directory_path() /
           ("kotae_report_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    page_ = dir_ / "report.html";
    std::ofstream(page_, std::ios::binary) << RenderReportHtml(BrowserRun());
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string Chromium(const std::string& args) {
    return test::RunShell("timeout 60 " + std::string(kChromium) +
                          " --headless --no-sandbox --disable-gpu --disable-background-networking "
                          "--disable-dev-shm-usage --no-first-run --user-data-dir='" +
                          (dir_ / "profile").string() + "' " + args + " 2>/dev/null")
        .out;
  }
  std::string DumpDom(const std::string& fragment) {
    return Chromium("--dump-dom 'file://" + page_.string() + fragment + "'");
  }

  // Item anchor -> hidden by the script, read from the dumped DOM.
  static std::map<std::string, bool> Visibility(const std::string& dom) {
    std::map<std::string, bool> out;
    const std::string open = "<section class=\"item ";
    for (size_t at = dom.find(open); at != std::string::npos; at = dom.find(open, at + 1)) {
      const std::string tag = dom.substr(at, dom.find('>', at) - at);
      const size_t id = tag.find(" id=\"");
      if (id == std::string::npos) continue;
      out[tag.substr(id + 5, tag.find('"', id + 5) - id - 5)] =
          tag.find(" hidden") != std::string::npos;
    }
    return out;
  }

  fs::path dir_;
  fs::path page_;
};

TEST_F(ReportChromium, RendersEveryItemAndRunsTheScript) {
  const std::string dom = DumpDom("");
  ASSERT_NE(dom.find("回答レビュー"), std::string::npos) << "chromium produced no DOM";
  EXPECT_NE(dom.find("data-ready=\"1\""), std::string::npos) << "the inline script did not run";
  EXPECT_NE(dom.find("管理者には MFA を必須としています"), std::string::npos);
  EXPECT_NE(dom.find("日次で取得しています。"), std::string::npos);
  // Data markup stayed text: the title is the report's own, not the one the question tried
  // to set.
  EXPECT_EQ(dom.find("pwned</title>"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;document.title"), std::string::npos);
  // The script showed the filter bar and hid nothing.
  EXPECT_NE(dom.find("<div class=\"controls\" id=\"controls\">"), std::string::npos);
  const auto shown = Visibility(dom);
  ASSERT_EQ(shown.size(), 4u);
  for (const auto& [id, hidden] : shown) EXPECT_FALSE(hidden) << id;
  EXPECT_NE(dom.find(">4 / 4</output>"), std::string::npos);
}

TEST_F(ReportChromium, StatusFilterFromTheFragmentHidesOtherItems) {
  const std::string dom = DumpDom("#status=needs_review");
  const auto hidden = Visibility(dom);
  ASSERT_EQ(hidden.size(), 4u) << dom.substr(0, 400);
  EXPECT_TRUE(hidden.at("item-1"));
  EXPECT_FALSE(hidden.at("item-2"));
  EXPECT_TRUE(hidden.at("item-3"));
  EXPECT_FALSE(hidden.at("item-4"));
  EXPECT_NE(dom.find(">2 / 4</output>"), std::string::npos);
  EXPECT_NE(dom.find("data-filter=\"needs_review\" aria-pressed=\"true\""), std::string::npos);
}

TEST_F(ReportChromium, SearchFromTheFragmentMatchesJapaneseAndFullWidthText) {
  // 耐震, percent-encoded as a browser would.
  auto hidden = Visibility(DumpDom("#q=%E8%80%90%E9%9C%87"));
  ASSERT_EQ(hidden.size(), 4u);
  EXPECT_FALSE(hidden.at("item-3"));
  EXPECT_TRUE(hidden.at("item-1"));
  EXPECT_TRUE(hidden.at("item-2"));
  EXPECT_TRUE(hidden.at("item-4"));
  // Full-width ＭＦＡ finds "MFA" (NFKC and case folding), combined with a status filter.
  hidden = Visibility(DumpDom("#status=answered&q=%EF%BD%8D%EF%BC%A6%EF%BC%A1"));
  ASSERT_EQ(hidden.size(), 4u);
  EXPECT_FALSE(hidden.at("item-1"));
  EXPECT_TRUE(hidden.at("item-2"));
  EXPECT_TRUE(hidden.at("item-3"));
  EXPECT_TRUE(hidden.at("item-4"));
  // Nothing matches: every item hidden and the note shown.
  const std::string dom = DumpDom("#q=zzzz-no-such-text");
  hidden = Visibility(dom);
  for (const auto& [id, h] : hidden) EXPECT_TRUE(h) << id;
  EXPECT_NE(dom.find("<p class=\"empty\" id=\"none-shown\">"), std::string::npos);
}

TEST_F(ReportChromium, ScreenshotIsARealPage) {
  const fs::path shot = dir_ / "shot.png";
  Chromium("--window-size=1280,2000 --hide-scrollbars --screenshot='" + shot.string() +
           "' 'file://" + page_.string() + "'");
  ASSERT_TRUE(fs::exists(shot)) << "no screenshot written";
  std::ifstream in(shot, std::ios::binary);
  std::string magic(8, '\0');
  in.read(magic.data(), 8);
  EXPECT_EQ(magic, "\x89PNG\r\n\x1a\n");
  EXPECT_GT(fs::file_size(shot), 20000u);  // text and colour, not a blank canvas
}

}  // namespace
}  // namespace kotae::answer
