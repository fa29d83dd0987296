// Layout detection on the real text-table check sheets in ../shared/corpus/seeds. The expected
// facts (item counts, answers of continuation rows, carried categories) were read off the files
// by a person, not produced by kotae.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sheet/layout.h"
#include "sheet/text_table_reader.h"

namespace kotae::sheet {
namespace {

namespace fs = std::filesystem;

// Path of the seed whose name starts with `prefix`, or "" when the corpus is absent.
std::string SeedPath(const std::string& prefix) {
  fs::path dir = fs::path(KOTAE_SHARED_DIR) / "corpus" / "seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return entry.path().string();
  }
  return "";
}

std::vector<Item> ReadSeed(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  EXPECT_TRUE(LooksLikeTextTable(text)) << path;
  Result<Grid> grid = ReadTextTable(text, path);
  EXPECT_TRUE(grid.ok()) << grid.status().message();
  if (!grid.ok()) return {};
  Result<std::vector<Item>> items = DetectItems(*grid, ReadOptions{});
  EXPECT_TRUE(items.ok()) << items.status().message();
  return items.ok() ? *items : std::vector<Item>{};
}

#define SKIP_WITHOUT(path) \
  if ((path).empty())      \
  GTEST_SKIP() << "corpus not found under " KOTAE_SHARED_DIR "/corpus/seeds; skipping corpus test"

const Item* FindByQuestion(const std::vector<Item>& items, const std::string& needle) {
  for (const Item& item : items) {
    if (item.question.find(needle) != std::string::npos) return &item;
  }
  return nullptr;
}

TEST(CorpusText, Mic000Item41GivesTwoItems) {
  std::string path = SeedPath("000");
  SKIP_WITHOUT(path);
  std::vector<Item> items = ReadSeed(path);
  std::vector<const Item*> item41;
  for (const Item& item : items) {
    if (item.number == "41") item41.push_back(&item);
  }
  ASSERT_EQ(item41.size(), 2u);
  EXPECT_NE(item41[0]->question.find("バックアップの実施インターバル"), std::string::npos);
  EXPECT_EQ(item41[0]->answer.rfind("■文書ファイル", 0), 0u) << item41[0]->answer;
  EXPECT_NE(item41[1]->question.find("世代バックアップ（何世代前までかを記述）"),
            std::string::npos);
  EXPECT_NE(item41[1]->answer.find("14日前までのデータ復元が可能"), std::string::npos);
  // The continuation keeps its parent's headings.
  EXPECT_NE(item41[1]->question.find("バックアップ対策"), std::string::npos);
}

TEST(CorpusText, Mic000Item16GivesFourItemsAnsweredNoOutsourcing) {
  std::string path = SeedPath("000");
  SKIP_WITHOUT(path);
  std::vector<Item> items = ReadSeed(path);
  int count = 0;
  for (const Item& item : items) {
    if (item.number != "16") continue;
    ++count;
    EXPECT_EQ(item.answer, "委託無し") << item.question;
    EXPECT_NE(item.question.find("委託先に対する管理状況"), std::string::npos);
  }
  EXPECT_EQ(count, 4);
}

TEST(CorpusText, Mic000ContinuationWithoutAnswerAndSections) {
  std::string path = SeedPath("000");
  SKIP_WITHOUT(path);
  std::vector<Item> items = ReadSeed(path);
  const Item* corp = FindByQuestion(items, "法人番号");
  ASSERT_NE(corp, nullptr);
  EXPECT_EQ(corp->number, "2");
  EXPECT_EQ(corp->answer, "6050001041719");
  ASSERT_FALSE(corp->sections.empty());
  EXPECT_EQ(corp->sections.front(), "事業所・事業");
  // A continuation row with a question and no answer is still an item.
  const Item* link = FindByQuestion(items, "他の事業者との間で行っているサービス連携の有無");
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->number, "24");
  EXPECT_TRUE(link->answer.empty());
  // Item 1 is answered with a date, not with the 必須 marker.
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items.front().number, "1");
  EXPECT_EQ(items.front().answer, "2023年4月3日");
}

TEST(CorpusText, Meti001SectionsAndRestartingNumbers) {
  std::string path = SeedPath("001");
  SKIP_WITHOUT(path);
  std::vector<Item> items = ReadSeed(path);
  EXPECT_EQ(items.size(), 86u);
  std::set<std::string> tops;
  for (const Item& item : items) {
    ASSERT_FALSE(item.sections.empty()) << item.id;
    tops.insert(item.sections.front());
    EXPECT_FALSE(item.answer.empty()) << item.id;
  }
  EXPECT_EQ(tops.size(), 15u);
  std::vector<std::string> backup_sections;
  int numbered_1_in_8 = 0;
  for (const Item& item : items) {
    if (!item.question_parts.empty() && item.question_parts.front() == "バックアップ") {
      backup_sections.push_back(item.sections.front());
    }
    if (item.sections.front().rfind("8.", 0) == 0 && item.number == "1") ++numbered_1_in_8;
  }
  EXPECT_NE(std::find(backup_sections.begin(), backup_sections.end(), "4. 情報資産の管理"),
            backup_sections.end());
  EXPECT_NE(std::find(backup_sections.begin(), backup_sections.end(), "12. アプリケーション"),
            backup_sections.end());
  EXPECT_EQ(numbered_1_in_8, 2);
  // Subsections nest under their numbered section.
  const Item* mobile = FindByQuestion(items, "モバイル機器の利用方針");
  ASSERT_NE(mobile, nullptr);
  ASSERT_EQ(mobile->sections.size(), 2u);
  EXPECT_EQ(mobile->sections[0], "2. 情報セキュリティのための組織");
  EXPECT_EQ(mobile->sections[1], "モバイル機器及びテレワーク");
}

TEST(CorpusText, Sla003ItemsCategoryAndRepeatedHeaders) {
  std::string path = SeedPath("003");
  SKIP_WITHOUT(path);
  std::vector<Item> items = ReadSeed(path);
  EXPECT_EQ(items.size(), 64u);
  const Item* item29 = nullptr;
  for (const Item& item : items) {
    if (item.number == "29") item29 = &item;
  }
  ASSERT_NE(item29, nullptr);
  ASSERT_FALSE(item29->question_parts.empty());
  EXPECT_EQ(item29->question_parts.front(), "データ管理");
  EXPECT_EQ(item29->unit, "時間");
  EXPECT_NE(item29->answer.find("インベントリ情報は1週間"), std::string::npos);
  // Items after the repeated title and header keep their section.
  const Item* item32 = nullptr;
  for (const Item& item : items) {
    if (item.number == "32") item32 = &item;
  }
  ASSERT_NE(item32, nullptr);
  ASSERT_FALSE(item32->sections.empty());
  EXPECT_EQ(item32->sections.back(), "データ管理");
  for (const Item& item : items) EXPECT_EQ(item.question.find("規定内容"), std::string::npos);
}

TEST(CorpusText, Iso004Controls) {
  std::string path = SeedPath("004");
  SKIP_WITHOUT(path);
  std::vector<Item> items = ReadSeed(path);
  EXPECT_EQ(items.size(), 24u);
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items.front().number, "6.1.1");
  EXPECT_EQ(items.back().number, "18.2.1");
  for (const Item& item : items) {
    EXPECT_EQ(item.question_parts.size(), 2u) << item.id;
    EXPECT_FALSE(item.answer.empty()) << item.id;
  }
}

TEST(CorpusText, Prose002IsNotATable) {
  std::string path = SeedPath("002");
  SKIP_WITHOUT(path);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_FALSE(LooksLikeTextTable(ss.str()));
}

}  // namespace
}  // namespace kotae::sheet
