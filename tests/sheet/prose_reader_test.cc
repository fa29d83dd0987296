// Prose documents into passages (sheet/prose_reader.h): Markdown, plain policy text, PDF and
// the seed policy from the shared corpus.
#include "sheet/prose_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "base/file.h"

namespace kotae::sheet {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(KOTAE_TEST_DIR) + "/fixtures/formats/" + name;
}

Questionnaire MustReadText(const std::string& path) {
  auto bytes = ReadFile(path);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  if (!bytes.ok()) return {};
  auto r = ReadProseText(*bytes, path);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : Questionnaire{};
}

const Item* FindByQuestion(const Questionnaire& q, const std::string& question) {
  for (const auto& item : q.items) {
    if (item.question == question) return &item;
  }
  return nullptr;
}

void ExpectUniqueIds(const Questionnaire& q, ItemKind kind = ItemKind::kPassage) {
  std::set<std::string> ids;
  for (const auto& item : q.items) {
    EXPECT_TRUE(ids.insert(item.id).second) << "duplicate id " << item.id;
    EXPECT_EQ(item.kind, kind);
  }
}

TEST(ProseReaderTest, MarkdownHeadingsBulletsAndTables) {
  Questionnaire q = MustReadText(Fixture("policy.md"));
  EXPECT_EQ(q.format, SourceFormat::kProse);
  ExpectUniqueIds(q);
  ASSERT_EQ(q.items.size(), 4u);
  EXPECT_EQ(q.items[0].id, "§ 情報セキュリティ方針");
  EXPECT_EQ(q.items[0].answer, "当社は情報資産を適切に保護します。");
  EXPECT_EQ(q.items[0].row, 2);

  const Item& backup = q.items[1];
  EXPECT_EQ(backup.id, "§ 情報セキュリティ方針 > バックアップ");
  EXPECT_EQ(backup.sections, (std::vector<std::string>{"情報セキュリティ方針", "バックアップ"}));
  EXPECT_EQ(backup.question, "バックアップ");
  EXPECT_EQ(backup.answer,
            "- データベースは日次でバックアップします。\n- バックアップは2世代分保管します。\n"
            "| 対象 | 頻度 |\n| DB | 日次 |");
  EXPECT_EQ(backup.row, 6);

  // Numbered list items inside Markdown are text, not headings.
  EXPECT_EQ(q.items[2].question, "アクセス制御");
  EXPECT_NE(q.items[2].answer.find("1. 最小権限の原則に従います"), std::string::npos);
  // The repeated heading gets a distinct id.
  EXPECT_EQ(q.items[3].id, "§ 情報セキュリティ方針 > バックアップ #2");
}

TEST(ProseReaderTest, PlainPolicyNumberedAndShortLineHeadings) {
  Questionnaire q = MustReadText(Fixture("policy.txt"));
  ExpectUniqueIds(q);
  const Item* purpose = FindByQuestion(q, "第1条（目的）");
  ASSERT_NE(purpose, nullptr);
  EXPECT_EQ(purpose->sections.front(), "セキュリティポリシー");
  EXPECT_EQ(purpose->sections,
            (std::vector<std::string>{"セキュリティポリシー", "第1章 総則", "第1条（目的）"}));
  EXPECT_EQ(purpose->answer, "この規程は、当社の情報資産を保護することを目的とする。");

  const Item* scope = FindByQuestion(q, "第2条（適用範囲）");
  ASSERT_NE(scope, nullptr);
  EXPECT_EQ(scope->sections.size(), 3u);  // sibling of 第1条, not nested in it

  // Two short lines then text: a chapter heading and its section heading.
  const Item* protect = FindByQuestion(q, "データ保護");
  ASSERT_NE(protect, nullptr);
  // Unnumbered headings after a numbered article nest below it.
  EXPECT_EQ(protect->id,
            "§ セキュリティポリシー > 第1章 総則 > 第2条（適用範囲） > データの管理 > データ保護");
  const Item* place = FindByQuestion(q, "データの保管場所");
  ASSERT_NE(place, nullptr);
  ASSERT_GE(place->sections.size(), 2u);
  // A lone heading after body text is a sibling of the previous one.
  EXPECT_EQ(place->sections[place->sections.size() - 2], "データの管理");
  // A short trailing line with nothing after it is text, not a heading.
  EXPECT_NE(place->answer.find("2025年4月1日制定"), std::string::npos) << place->answer;
}

TEST(ProseReaderTest, LongSectionsSplitAtParagraphsKeepingTheHeading) {
  std::string text = "# 運用\n\n";
  for (int i = 0; i < 30; ++i) {
    text += "段落" + std::to_string(i) + "：" + std::string(30, 'a') + "の運用を行います。\n\n";
  }
  auto r = ReadProseText(text, "long.md");
  ASSERT_TRUE(r.ok());
  ExpectUniqueIds(*r);
  ASSERT_GT(r->items.size(), 1u);
  std::string joined;
  for (const auto& item : r->items) {
    EXPECT_EQ(item.question, "運用");
    EXPECT_LE(item.answer.size(), 3 * 600u);
    if (!joined.empty()) joined += "\n";
    joined += item.answer;
  }
  // Nothing lost, nothing duplicated, paragraph boundaries kept.
  size_t count = 0;
  for (size_t pos = 0; (pos = joined.find("の運用を行います。", pos)) != std::string::npos; ++pos) {
    ++count;
  }
  EXPECT_EQ(count, 30u);
  EXPECT_EQ(r->items[1].id, "§ 運用 #2");
}

TEST(ProseReaderTest, EmptyAndHeadinglessText) {
  auto empty = ReadProseText("", "e.txt");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->items.empty());
  auto plain = ReadProseText("当社はデータを暗号化します。\n", "dir/p.txt");
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->items.size(), 1u);
  EXPECT_EQ(plain->items[0].answer, "当社はデータを暗号化します。");
  EXPECT_EQ(plain->items[0].sheet, "p.txt");
}

// A FAQ gives one question item per 「Q…」/「A…」 pair, under its headings; a heading-like line
// between pairs heads the next group; answers may run over several lines.
TEST(ProseReaderTest, FaqPairsBecomeQuestionItems) {
  auto r = ReadProseText(
      "よくあるご質問\n"
      "Q1. 多要素認証に対応していますか。\n"
      "A1. はい。ワンタイムパスワードを利用できます。\n"
      "【質問】データはどこに保存されますか。\n"
      "【回答】国内のデータセンターに保存します。\n"
      "東京と大阪の2拠点です。\n"
      "データ管理\n"
      "**Q:** How often are backups taken?\n"
      "**A:** Daily, kept for 14 days.\n",
      "faq.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->items.size(), 3u);
  EXPECT_EQ(r->items[0].question, "多要素認証に対応していますか。");
  EXPECT_EQ(r->items[0].answer, "はい。ワンタイムパスワードを利用できます。");
  EXPECT_EQ(r->items[1].question, "データはどこに保存されますか。");
  EXPECT_EQ(r->items[1].answer, "国内のデータセンターに保存します。\n東京と大阪の2拠点です。");
  EXPECT_EQ(r->items[2].question, "How often are backups taken?");
  EXPECT_EQ(r->items[2].answer, "Daily, kept for 14 days.");
  EXPECT_EQ(r->items[2].sections.back(), "データ管理");
  ExpectUniqueIds(*r, ItemKind::kQuestion);
}

// Lettered sections and sentences that begin with "A" are no FAQ: without two question markers
// the text stays passages.
TEST(ProseReaderTest, LetteredSectionsAreNoFaq) {
  auto r = ReadProseText(
      "A. 目的\n本方針は情報資産を保護するためのものです。\n"
      "B. 適用範囲\n全従業員に適用します。\n"
      "A backup is taken every day.\n",
      "policy.txt");
  ASSERT_TRUE(r.ok());
  for (const Item& item : r->items) EXPECT_EQ(item.kind, ItemKind::kPassage);
}

// Hostile layouts must not make every item carry an ever longer heading path (output grew with
// headings x items: 200 KB of text took 1 GiB): a long run of short lines above the first
// numbered heading, a long run of heading-like lines before body text, and a huge Markdown
// heading are read as body text beyond small caps.
TEST(ProseReaderTest, HeadingPathStaysBoundedOnHostileLayouts) {
  std::string titles;
  for (int i = 0; i < 300; ++i) titles += "title line " + std::to_string(i) + "\n";
  for (int i = 1; i <= 300; ++i) titles += std::to_string(i) + ". heading\n本文です。\n";
  auto r = ReadProseText(titles, "titles.txt");
  ASSERT_TRUE(r.ok());
  for (const Item& item : r->items) EXPECT_LE(item.sections.size(), 5u) << item.id;
  // The first four lines stay the title; the rest are its body.
  EXPECT_EQ(r->items.front().sections.size(), 4u);
  EXPECT_EQ(r->items.front().sections.front(), "title line 0");
  const Item* heading = FindByQuestion(*r, "1. heading");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->sections.size(), 5u);
  EXPECT_EQ(r->items.size(), 300u + static_cast<size_t>(heading - r->items.data()));

  std::string run = "本文です。\n";
  for (int i = 0; i < 300; ++i) run += "run " + std::to_string(i) + "\n";
  for (int i = 0; i < 300; ++i) run += "lone " + std::to_string(i) + "\n本文です。\n";
  r = ReadProseText(run, "run.txt");
  ASSERT_TRUE(r.ok());
  for (const Item& item : r->items) EXPECT_LE(item.sections.size(), 6u) << item.id;
  const Item* first = FindByQuestion(*r, "lone 0");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->sections.front(), "run 295");

  const std::string long_title(1000, 'x');
  std::string markdown = "# Policy\n\n# " + long_title + "\n\n";
  for (int i = 0; i < 50; ++i) markdown += std::string(100, 'y') + ".\n\n";
  r = ReadProseText(markdown, "long.md");
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->items.empty());
  for (const Item& item : r->items) {
    EXPECT_EQ(item.sections, std::vector<std::string>{"Policy"});
    EXPECT_LT(item.id.size(), 100u);
  }
  EXPECT_NE(r->items[0].answer.find("# " + long_title), std::string::npos);
}

TEST(ProseReaderTest, PdfFixture) {
  auto bytes = ReadFile(Fixture("policy.pdf"));
  ASSERT_TRUE(bytes.ok());
  auto r = ReadPdf(*bytes, "policy.pdf");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, SourceFormat::kProse);
  const Item* backup = FindByQuestion(*r, "1. Backup");
  ASSERT_NE(backup, nullptr);
  EXPECT_NE(backup->answer.find("kept for two generations"), std::string::npos);
  const Item* access = FindByQuestion(*r, "2. Access control");
  ASSERT_NE(access, nullptr);
  EXPECT_NE(access->answer.find("least privilege"), std::string::npos);
}

TEST(ProseReaderTest, BrokenPdfIsInvalidInput) {
  auto r = ReadPdf("%PDF-1.4\ngarbage that is not a pdf", "broken.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message().rfind("broken.pdf: ", 0), 0u);
  // Truncating a valid PDF anywhere must not crash.
  auto bytes = ReadFile(Fixture("policy.pdf"));
  ASSERT_TRUE(bytes.ok());
  for (size_t cut = 0; cut < bytes->size(); cut += 37) {
    (void)ReadPdf(bytes->substr(0, cut), "cut.pdf");
  }
}

TEST(ProseReaderCorpusTest, Seed002BackupPassage) {
  const std::string dir = std::string(KOTAE_SHARED_DIR) + "/corpus/seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared corpus not found at " << dir;
  std::string path;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().starts_with("002")) path = e.path().string();
  }
  if (path.empty()) GTEST_SKIP() << "seed 002 not found in " << dir;
  Questionnaire q = MustReadText(path);
  ExpectUniqueIds(q);
  const Item* backup = FindByQuestion(q, "情報のバックアップ");
  ASSERT_NE(backup, nullptr);
  EXPECT_EQ(backup->sections.back(), "情報のバックアップ");
  EXPECT_NE(backup->answer.find("2世代分保管"), std::string::npos);
  EXPECT_NE(backup->id.find("データの管理と保護 > 情報のバックアップ"), std::string::npos)
      << backup->id;
  // Headings are not passages of their own and the body is not lost.
  EXPECT_EQ(FindByQuestion(q,
                           "データベースに保管されるイベントデータは、日次でバックアップを取得"
                           "しています。バックアップは、2世代分保管されます。"),
            nullptr);
  const Item* sso = FindByQuestion(q, "SSO");
  ASSERT_NE(sso, nullptr);
  EXPECT_EQ(sso->sections, (std::vector<std::string>{"認証・アクセス管理", "SSO"}));
}

}  // namespace
}  // namespace kotae::sheet
