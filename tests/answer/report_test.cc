// The review report as text: summary counts, escaping, highlighting, links, and a strict
// structural check (every tag balanced, only the elements and attributes the report itself
// writes) run over ordinary data and over hostile strings from fixtures/report/.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "answer/report.h"

namespace kotae::answer {
namespace {

AnswerRun SampleRun() {
  AnswerRun run;
  run.questionnaire_path = "/in/チェックシート.xlsx";
  run.library_paths = {"/lib/past.xlsx", "/lib/policy.md"};

  ItemResult answered;
  answered.id = "チェックシート!R5";
  answered.question = "管理画面へのログインに多要素認証を利用できますか。";
  answered.status = Status::kAnswered;
  answered.answer = "管理者アカウントには多要素認証を必須としています。";
  answered.choice = "はい";
  answered.options = {"はい", "いいえ", "該当なし"};
  answered.confidence = 0.91;
  answered.reason = "同じ質問の承認済み回答 / same question answered before";
  answered.sources = {{"/lib/past.xlsx",
                       "回答!R7",
                       "多要素認証の利用",
                       "管理者アカウントには多要素認証を必須としています。認証ログは1年保管。",
                       12.5,
                       {"認証", "多要素認証"}}};

  ItemResult review;
  review.id = "Sheet1!R6";
  review.question = "Is <script>alert(1)</script> & MFA enforced?";
  review.status = Status::kNeedsReview;
  review.answer = "MFA is enforced for admins.";
  review.confidence = 0.45;
  review.reason = "weak match";
  review.sources = {{"/lib/policy.md",
                     "§ Access",
                     "Access control",
                     "mfa is ENFORCED <b>always</b>",
                     3.0,
                     {"MFA"}},
                    {"/lib/past.xlsx",
                     "回答!R9",
                     "R&D amp access",
                     "We provide an id card.",
                     1.25,
                     {"amp", "id"}}};

  ItemResult none;
  none.id = "チェックシート!R7";
  none.question = "建物の耐震基準は？";
  none.status = Status::kNoMatch;

  ItemResult review2;
  review2.id = "チェックシート!R8";
  review2.question = "データの保管場所（国内）は？";
  review2.status = Status::kNeedsReview;
  review2.choice = "国内";  // a choice with no answer text and no listed options
  review2.confidence = 0.3;

  run.items = {answered, review, none, review2};
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

// "width:12.5%" and nothing else.
bool IsWidthStyle(const std::string& v) {
  if (v.size() < 8 || v.rfind("width:", 0) != 0 || v.back() != '%') return false;
  return v.find_first_not_of("0123456789.", 6) == v.size() - 1;
}

// A small HTML checker, strict about exactly what the report may contain: balanced non-void
// elements, only the report's own element and attribute names, no event handlers, links only
// to anchors in the page, no src, style only for bar widths, and text in which every '<' opens
// a tag and every '&' starts one of the entities the escaper writes. Returns "" when the page
// passes, otherwise what went wrong and where.
std::string CheckHtml(const std::string& html) {
  static const std::set<std::string> kElements = {
      "html",  "head", "meta", "title",   "style",   "body",   "header", "h1",   "h2",
      "dl",    "dt",   "dd",   "ul",      "ol",      "li",     "b",      "i",    "span",
      "small", "div",  "nav",  "a",       "button",  "input",  "output", "main", "section",
      "p",     "br",   "mark", "details", "summary", "footer", "script"};
  static const std::set<std::string> kVoid = {"meta", "input", "br"};
  static const std::set<std::string> kAttributes = {
      "lang",         "charset",     "name",         "content",    "class",  "id",   "data-status",
      "style",        "title",       "role",         "aria-label", "href",   "type", "data-filter",
      "aria-pressed", "placeholder", "autocomplete", "aria-live",  "hidden", "open", "data-count"};
  std::vector<std::string> stack;
  size_t i = 0;
  auto where = [&](size_t at) { return " at byte " + std::to_string(at); };
  if (html.rfind("<!DOCTYPE html>", 0) != 0) return "no doctype";
  i = html.find('>') + 1;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      bool entity = false;
      for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
        entity = entity || html.compare(i, std::strlen(e), e) == 0;
      }
      if (!entity) return "bare &" + where(i);
      ++i;
      continue;
    }
    if (c == '>') return "bare >" + where(i);
    if (c != '<') {
      ++i;
      continue;
    }
    const size_t start = i++;
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    std::string name;
    while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) name += html[i++];
    if (name.empty()) return "stray <" + where(start);
    if (!kElements.count(name)) return "unexpected element <" + name + ">" + where(start);
    // Attributes.
    while (i < html.size() && html[i] != '>') {
      if (html[i] == ' ') {
        ++i;
        continue;
      }
      std::string attr;
      while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>') {
        attr += html[i++];
      }
      if (closing) return "attribute on closing tag" + where(start);
      if (!kAttributes.count(attr)) return "unexpected attribute " + attr + where(start);
      if (i < html.size() && html[i] == '=') {
        if (html[++i] != '"') return "unquoted attribute " + attr + where(start);
        const size_t end = html.find('"', i + 1);
        if (end == std::string::npos) return "unterminated attribute" + where(start);
        const std::string value = html.substr(i + 1, end - i - 1);
        if (value.find('<') != std::string::npos) return "< in attribute" + where(start);
        if (attr == "href" && value.rfind('#', 0) != 0) return "external href" + where(start);
        if (attr == "style" && !IsWidthStyle(value)) {
          return "unexpected style " + value + where(start);
        }
        i = end + 1;
      }
    }
    if (i >= html.size()) return "unterminated tag" + where(start);
    ++i;  // '>'
    if (closing) {
      if (stack.empty() || stack.back() != name) {
        return "</" + name + "> closes <" + (stack.empty() ? "" : stack.back()) + ">" +
               where(start);
      }
      stack.pop_back();
    } else if (name == "script" || name == "style") {
      // Raw text: skip to its end tag; data never reaches these elements.
      const size_t end = html.find("</" + name + ">", i);
      if (end == std::string::npos) return "unterminated " + name;
      i = end;
      stack.push_back(name);
    } else if (!kVoid.count(name)) {
      stack.push_back(name);
    }
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  return "";
}

TEST(ReportHtmlCheck, CatchesBrokenPages) {
  // The checker must be able to fail, or the tests below prove nothing.
  const std::string ok = "<!DOCTYPE html>\n<html><body><p>a &amp; b</p></body></html>";
  EXPECT_EQ(CheckHtml(ok), "");
  EXPECT_NE(CheckHtml("<!DOCTYPE html>\n<html><body><p>a</body></html>"), "");
  EXPECT_NE(CheckHtml("<!DOCTYPE html>\n<html><body><img src=\"x\"></body></html>"), "");
  EXPECT_NE(CheckHtml("<!DOCTYPE html>\n<html><body><p onclick=\"x\">a</p></body></html>"), "");
  EXPECT_NE(CheckHtml("<!DOCTYPE html>\n<html><body>a & b</body></html>"), "");
  EXPECT_NE(CheckHtml("<!DOCTYPE html>\n<html><body>a < b</body></html>"), "");
  EXPECT_NE(CheckHtml("<!DOCTYPE html>\n<html><a href=\"http://x\">a</a></html>"), "");
}

TEST(Report, IsWellFormed) { EXPECT_EQ(CheckHtml(RenderReportHtml(SampleRun())), ""); }

TEST(Report, SummaryCountsMatchTheRun) {
  const std::string html = RenderReportHtml(SampleRun());
  EXPECT_NE(html.find("id=\"count-answered\" data-count=\"1\"><b>1</b>"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-needs_review\" data-count=\"2\"><b>2</b>"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-no_match\" data-count=\"1\"><b>1</b>"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-total\" data-count=\"4\"><b>4</b>"), std::string::npos);
  EXPECT_NE(html.find("<small>50%</small>"), std::string::npos);  // needs_review share
  EXPECT_NE(html.find("style=\"width:25.000%\""), std::string::npos);
  EXPECT_NE(html.find("style=\"width:50.000%\""), std::string::npos);
  EXPECT_EQ(Count(html, "<section class=\"item"), 4);
  EXPECT_EQ(Count(html, "data-status=\"needs_review\""), 2);
  for (const char* label :
       {"回答済み / Answered", "要確認 / Needs review", "該当なし（未回答） / No match"}) {
    EXPECT_NE(html.find(label), std::string::npos) << label;
  }
  EXPECT_NE(html.find("/lib/past.xlsx<br>/lib/policy.md"), std::string::npos);
}

TEST(Report, KeepsSheetOrderAndLinksTheItemsToReview) {
  const std::string html = RenderReportHtml(SampleRun());
  const size_t r5 = html.find("id=\"item-1\"");
  const size_t r6 = html.find("id=\"item-2\"");
  const size_t r7 = html.find("id=\"item-3\"");
  const size_t r8 = html.find("id=\"item-4\"");
  ASSERT_NE(r8, std::string::npos);
  EXPECT_LT(r5, r6);
  EXPECT_LT(r6, r7);
  EXPECT_LT(r7, r8);
  // The summary lists exactly the two review items.
  const size_t list = html.find("id=\"review-list\"");
  const std::string nav = html.substr(list, html.find("</nav>", list) - list);
  EXPECT_EQ(Count(nav, "<a href="), 2);
  EXPECT_NE(nav.find("<a href=\"#item-2\">Sheet1!R6</a>"), std::string::npos);
  EXPECT_NE(nav.find("<a href=\"#item-4\">チェックシート!R8</a>"), std::string::npos);
  // Each review item points on to the next one; the last points back to the list.
  EXPECT_NE(html.find("<a href=\"#item-4\">次の要確認へ / Next to review: チェックシート!R8"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"#review-list\">最後の要確認です"), std::string::npos);
  EXPECT_NE(html.find("id=\"jump\""), std::string::npos);
}

TEST(Report, ShowsChoiceAnswerConfidenceAndReason) {
  const std::string html = RenderReportHtml(SampleRun());
  EXPECT_NE(html.find("<span class=\"choice\">はい</span>"), std::string::npos);
  EXPECT_NE(html.find("はい ｜ いいえ ｜ 該当なし"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"choice\">国内</span>"), std::string::npos);
  EXPECT_NE(html.find("<i style=\"width:91%\"></i></span><b class=\"pct\">91%</b>"),
            std::string::npos);
  EXPECT_NE(html.find("<b class=\"pct\">45%</b>"), std::string::npos);
  EXPECT_NE(html.find("weak match"), std::string::npos);
  EXPECT_NE(html.find("回答案なし / No answer proposed"), std::string::npos);  // the no_match item
  EXPECT_NE(html.find("<span class=\"doc\" title=\"/lib/policy.md\">policy.md</span>"),
            std::string::npos);
  EXPECT_NE(html.find("score 3.00"), std::string::npos);
  EXPECT_NE(html.find("score 1.25"), std::string::npos);
  // Sources of the answered item are folded, those of items to review open.
  EXPECT_NE(html.find("<details><summary>根拠 / Sources (1)"), std::string::npos);
  EXPECT_NE(html.find("<details open><summary>根拠 / Sources (2)"), std::string::npos);
}

TEST(Report, ClampsConfidenceAndScores) {
  AnswerRun run = SampleRun();
  run.items[0].confidence = 1.7;
  run.items[1].confidence = std::numeric_limits<double>::quiet_NaN();
  run.items[2].confidence = -0.3;
  run.items[1].sources[0].score = std::numeric_limits<double>::infinity();
  const std::string html = RenderReportHtml(run);
  EXPECT_NE(html.find("<b class=\"pct\">100%</b>"), std::string::npos);
  EXPECT_EQ(Count(html, "<b class=\"pct\">0%</b>"), 2);
  EXPECT_EQ(html.find("nan"), std::string::npos);
  EXPECT_EQ(html.find("inf"), std::string::npos);
  EXPECT_EQ(CheckHtml(html), "");
}

TEST(Report, EscapesData) {
  const std::string html = RenderReportHtml(SampleRun());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("Is &lt;script&gt;alert(1)&lt;/script&gt; &amp; MFA enforced?"),
            std::string::npos);
  EXPECT_EQ(Count(html, "<script>"), 1);  // only the page's own filter script
}

TEST(Report, HighlightsMatchedTermsInSources) {
  const std::string html = RenderReportHtml(SampleRun());
  // The longest term wins where terms overlap; the shorter one still marks elsewhere.
  EXPECT_NE(html.find("管理者アカウントには<mark>多要素認証</mark>を必須としています。"
                      "<mark>認証</mark>ログは1年保管。"),
            std::string::npos);
  EXPECT_EQ(html.find("<mark>多要素<mark>"), std::string::npos);
  // ASCII matching ignores case and keeps the source's own spelling; markup in the source
  // stays text.
  EXPECT_NE(html.find("<mark>mfa</mark> is ENFORCED &lt;b&gt;always&lt;/b&gt;"), std::string::npos);
  // A term never splits an entity, and ASCII terms mark whole words only.
  EXPECT_NE(html.find("R&amp;D <mark>amp</mark> access"), std::string::npos);
  EXPECT_NE(html.find("We provide an <mark>id</mark> card."), std::string::npos);
  // Terms are highlighted in the sources, not in the page's own text.
  EXPECT_EQ(Count(html, "<mark>"), 6);
}

TEST(Report, HighlightsTermsWithSpecialCharacters) {
  AnswerRun run;
  ItemResult item;
  item.id = "x";
  item.status = Status::kNeedsReview;
  item.sources = {{"d", "l", "a <b> and <B> & \"q\"", "", 1.0, {"<b>", "&", "\"q\"", "", " "}}};
  run.items = {item};
  const std::string html = RenderReportHtml(run);
  EXPECT_NE(html.find("a <mark>&lt;b&gt;</mark> and <mark>&lt;B&gt;</mark> <mark>&amp;</mark> "
                      "<mark>&quot;q&quot;</mark>"),
            std::string::npos);
  EXPECT_EQ(CheckHtml(html), "");
}

TEST(Report, InvalidUtf8NeverBreaksThePage) {
  AnswerRun run = SampleRun();
  run.items[0].question = std::string("bad \xff\xfe bytes \xe3\x81");  // truncated あ at the end
  run.items[1].sources[0].answer = std::string("\xc0\xaf overlong, \xed\xa0\x80 surrogate, MFA");
  run.items[1].sources[0].matched_terms.push_back(std::string("\xe3\x81"));  // broken term
  run.items[2].id = std::string("id\x01\x1b[0m");
  const std::string html = RenderReportHtml(run);
  EXPECT_NE(html.find("bad \xEF\xBF\xBD\xEF\xBF\xBD bytes \xEF\xBF\xBD\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NE(html.find("\xEF\xBF\xBD\xEF\xBF\xBD overlong, \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
                      "surrogate, <mark>MFA</mark>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"id\">id[0m</span>"), std::string::npos);  // controls dropped
  EXPECT_EQ(CheckHtml(html), "");
}

TEST(Report, LineEndsAreKept) {
  AnswerRun run;
  ItemResult item;
  item.question = "一行目\r\n二行目\r三行目";
  run.items = {item};
  EXPECT_NE(RenderReportHtml(run).find("一行目\n二行目\n三行目"), std::string::npos);
}

TEST(Report, IsSelfContained) {
  const std::string html = RenderReportHtml(SampleRun());
  for (const char* banned : {"http:", "https:", "@import", "src=", "<link", "url(", "@font-face",
                             "<img", "<iframe", "fetch(", "XMLHttpRequest"}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
  EXPECT_NE(html.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("\"Hiragino Sans\""), std::string::npos);
  EXPECT_NE(html.find("\"Noto Sans CJK JP\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(Report, ReadableWithoutScript) {
  // Nothing data-bearing starts hidden; only the filter bar (useless without script) and the
  // "no match for the filter" note do.
  const std::string html = RenderReportHtml(SampleRun());
  std::vector<std::string> ids;
  for (size_t at = html.find(" hidden>"); at != std::string::npos;
       at = html.find(" hidden>", at + 1)) {
    const size_t open = html.rfind('<', at);
    const std::string tag = html.substr(open, at - open);
    const size_t id = tag.find(" id=\"");
    ASSERT_NE(id, std::string::npos) << tag;
    ids.push_back(tag.substr(id + 5, tag.find('"', id + 5) - id - 5));
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"controls", "none-shown"}));
}

TEST(Report, EmptyRun) {
  const std::string html = RenderReportHtml(AnswerRun{});
  EXPECT_EQ(CheckHtml(html), "");
  EXPECT_NE(html.find("id=\"count-total\" data-count=\"0\""), std::string::npos);
  EXPECT_NE(html.find("項目がありません / No items"), std::string::npos);
  EXPECT_EQ(html.find("id=\"jump\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"review-list\""), std::string::npos);
}

std::vector<std::string> HostileStrings() {
  std::ifstream in(std::string(KOTAE_TEST_DIR) + "/fixtures/report/hostile_strings.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

TEST(Report, HostileStringsStayInert) {
  const std::vector<std::string> hostile = HostileStrings();
  ASSERT_GE(hostile.size(), 10u);
  AnswerRun run;
  run.questionnaire_path = hostile[0];
  run.library_paths = hostile;
  const Status statuses[3] = {Status::kAnswered, Status::kNeedsReview, Status::kNoMatch};
  for (size_t i = 0; i < hostile.size(); ++i) {
    const std::string& s = hostile[i];
    const std::string& t = hostile[(i + 1) % hostile.size()];
    ItemResult item;
    item.id = s;
    item.question = s + " " + t;
    item.status = statuses[i % 3];
    item.answer = t;
    item.choice = s;
    item.options = {s, t};
    item.reason = s;
    item.confidence = 0.5;
    item.sources = {{s, t, s + t, t + s, 1.0, hostile}};
    run.items.push_back(item);
  }
  const std::string html = RenderReportHtml(run);
  EXPECT_EQ(CheckHtml(html), "");
  EXPECT_EQ(Count(html, "<script"), 1);
  EXPECT_EQ(Count(html, "<style"), 1);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<a href=\"http"), std::string::npos);
  EXPECT_EQ(Count(html, "<section class=\"item"), static_cast<int>(hostile.size()));
}

TEST(Report, LargeRun) {
  AnswerRun run;
  for (int i = 0; i < 3000; ++i) {
    ItemResult item;
    item.id = "S!R" + std::to_string(i);
    item.question =
        "アクセスログを保管していますか。 Do you keep access logs? " + std::to_string(i);
    item.status = static_cast<Status>(i % 3);
    item.answer = std::string(400, 'x');
    for (int k = 0; k < 3; ++k) {
      item.sources.push_back({"lib.xlsx",
                              "R1",
                              item.question,
                              std::string(2000, 'y') + " logs",
                              1.0,
                              {"アクセスログ", "logs", "access"}});
    }
    run.items.push_back(std::move(item));
  }
  const std::string html = RenderReportHtml(run);
  EXPECT_EQ(CheckHtml(html), "");
  EXPECT_NE(html.find("id=\"count-needs_review\" data-count=\"1000\""), std::string::npos);
}

}  // namespace
}  // namespace kotae::answer
