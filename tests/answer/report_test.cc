#include "answer/report.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace kotae::answer {
namespace {

namespace fs = std::filesystem;

AnswerRun SampleRun() {
  AnswerRun run;
  run.questionnaire_path = "/in/チェックシート.xlsx";
  run.library_paths = {"/lib/past.xlsx", "/lib/policy.md"};
  ItemResult answered;
  answered.id = "チェックシート!R5";
  answered.question = "管理画面へのログインに二要素認証を利用できますか。";
  answered.status = Status::kAnswered;
  answered.answer = "管理者アカウントには多要素認証を必須としています。";
  answered.choice = "はい";
  answered.options = {"はい", "いいえ", "該当なし"};
  answered.confidence = 0.91;
  answered.sources = {{"/lib/past.xlsx",
                       "回答!R7",
                       "多要素認証の利用",
                       "管理者アカウントには多要素認証を必須としています。",
                       12.5,
                       {"多要素認証"}}};
  ItemResult review;
  review.id = "チェックシート!R6";
  review.question = "Is <script>alert(1)</script> & MFA enforced?";
  review.status = Status::kNeedsReview;
  review.answer = "MFA is enforced for admins.";
  review.confidence = 0.45;
  review.sources = {{"/lib/policy.md",
                     "§ Access",
                     "Access control",
                     "mfa is ENFORCED <b>always</b>",
                     3.0,
                     {"MFA"}}};
  ItemResult none;
  none.id = "チェックシート!R7";
  none.question = "建物の耐震基準は？";
  none.status = Status::kNoMatch;
  run.items = {answered, review, none};
  return run;
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(Report, SummaryCountsAndItems) {
  const std::string html = RenderReportHtml(SampleRun());
  EXPECT_NE(html.find("id=\"count-answered\"><b>1</b>"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-needs_review\"><b>1</b>"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-no_match\"><b>1</b>"), std::string::npos);
  EXPECT_EQ(Count(html, "<section class=\"item"), 3);
  EXPECT_NE(html.find("要確認 / Needs review"), std::string::npos);
  EXPECT_NE(html.find("href=\"#item-1\""), std::string::npos);  // review list links
}

TEST(Report, EscapesDataAndHighlightsMatchedTerms) {
  const std::string html = RenderReportHtml(SampleRun());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; MFA"), std::string::npos);
  EXPECT_NE(html.find("<mark>多要素認証</mark>"), std::string::npos);
  // ASCII matching ignores case and keeps the source's own spelling.
  EXPECT_NE(html.find("<mark>mfa</mark> is ENFORCED &lt;b&gt;always&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(Count(html, "<script>"), 1);  // only the page's own filter script
}

TEST(Report, IsSelfContained) {
  const std::string html = RenderReportHtml(SampleRun());
  for (const char* banned : {"http://", "https://", "@import", " src=", "<link"}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
  EXPECT_EQ(Count(html, "url("), 0);
}

TEST(Report, InvalidUtf8NeverBreaksThePage) {
  AnswerRun run = SampleRun();
  run.items[0].question = std::string("bad \xff\xfe bytes");
  const std::string html = RenderReportHtml(run);
  EXPECT_NE(html.find("bad \xEF\xBF\xBD\xEF\xBF\xBD bytes"), std::string::npos);
}

std::string RunCommand(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  ::pclose(pipe);
  return out;
}

// Renders the page in headless Chromium: the DOM after scripts ran must hold every item, and a
// "#status=needs_review" fragment must hide the others (the filter script works).
TEST(Report, RendersInHeadlessChromium) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium not installed";
  const fs::path dir = fs::temp_directory_path() / "kotae_report_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path page = dir / "report.html";
  std::ofstream(page) << RenderReportHtml(SampleRun());
  const std::string chromium =
      "timeout 90 /usr/bin/chromium --headless --no-sandbox --disable-gpu "
      "--disable-background-networking --disable-dev-shm-usage --user-data-dir='" +
      (dir / "profile").string() + "' ";
  const std::string dom = RunCommand(chromium + "--dump-dom 'file://" + page.string() +
                                     "#status=needs_review' 2>/dev/null");
  ASSERT_NE(dom.find("回答レビュー"), std::string::npos) << "chromium produced no DOM";
  EXPECT_NE(dom.find("管理者アカウントには"), std::string::npos);
  // After the filter: the answered and no_match items carry the hidden attribute.
  const std::regex hidden_item("<section class=\"item (answered|no_match)\"[^>]*hidden");
  EXPECT_EQ(std::distance(std::sregex_iterator(dom.begin(), dom.end(), hidden_item),
                          std::sregex_iterator()),
            2);
  const std::regex shown_review(
      "<section class=\"item needs_review\"[^>]*data-status=\"needs_review\">");
  EXPECT_TRUE(std::regex_search(dom, shown_review));

  const fs::path shot = dir / "shot.png";
  RunCommand(chromium + "--window-size=1280,2000 --screenshot='" + shot.string() + "' 'file://" +
             page.string() + "' 2>/dev/null");
  ASSERT_TRUE(fs::exists(shot));
  EXPECT_GT(fs::file_size(shot), 20000u);  // a real page, not a blank canvas
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kotae::answer
