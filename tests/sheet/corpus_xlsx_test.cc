// The workbooks in ../shared/corpus/xlsx against their text twins in corpus/seeds: the same
// questions in the same order (and, for *_answered, the same answers), read through
// ReadQuestionnaire so that dispatch, ReadXlsx and layout detection are exercised together.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sheet/layout.h"
#include "sheet/reader.h"
#include "sheet/text_table_reader.h"

namespace kotae::sheet {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

const fs::path kCorpus = fs::path(KOTAE_SHARED_DIR) / "corpus";

std::string Seed(const std::string& prefix) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kCorpus / "seeds", ec)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
  }
  return "";
}

#define SKIP_WITHOUT_CORPUS()              \
  if (!fs::is_directory(kCorpus / "xlsx")) \
  GTEST_SKIP() << "corpus not found under " << kCorpus.string() << "; skipping workbook tests"

// Line breaks inside a workbook cell were flattened to spaces in the text twin.
std::string Flat(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<Item> Workbook(const std::string& file, const ReadOptions& options = {}) {
  Result<Questionnaire> q = ReadQuestionnaire((kCorpus / "xlsx" / file).string(), options);
  EXPECT_TRUE(q.ok()) << q.status().message();
  if (!q.ok()) return {};
  EXPECT_EQ(q->format, SourceFormat::kXlsx);
  return q->items;
}

std::vector<Item> TextTwin(const std::string& prefix) {
  Result<Questionnaire> q = ReadQuestionnaire(Seed(prefix));
  EXPECT_TRUE(q.ok()) << q.status().message();
  if (!q.ok()) return {};
  EXPECT_EQ(q->format, SourceFormat::kTextTable);
  return q->items;
}

void ExpectSameQuestions(const std::vector<Item>& book, const std::vector<Item>& text,
                         bool compare_answers) {
  ASSERT_EQ(book.size(), text.size());
  for (size_t i = 0; i < book.size(); ++i) {
    EXPECT_EQ(Flat(book[i].question), Flat(text[i].question)) << book[i].id;
    EXPECT_EQ(book[i].number, text[i].number) << book[i].id;
    if (compare_answers) {
      EXPECT_EQ(Flat(book[i].answer), Flat(text[i].answer)) << book[i].id;
    }
  }
}

TEST(CorpusXlsx, MicAnsweredMatchesText) {
  SKIP_WITHOUT_CORPUS();
  ExpectSameQuestions(Workbook("mic_disclosure_answered.xlsx"), TextTwin("000"), true);
}

TEST(CorpusXlsx, MetiAnsweredMatchesText) {
  SKIP_WITHOUT_CORPUS();
  std::vector<Item> book = Workbook("meti_guideline_answered.xlsx");
  EXPECT_EQ(book.size(), 86u);
  ExpectSameQuestions(book, TextTwin("001"), true);
}

TEST(CorpusXlsx, SlaBlankMatchesTextAndOffersDropdownOptions) {
  SKIP_WITHOUT_CORPUS();
  std::vector<Item> book = Workbook("sla_checksheet_blank.xlsx");
  ExpectSameQuestions(book, TextTwin("003"), false);
  int with_options = 0;
  for (const Item& item : book) {
    EXPECT_TRUE(item.answer.empty()) << item.id;
    if (item.unit == "有無") {
      EXPECT_THAT(item.options, ElementsAre("有り", "無し", "該当なし")) << item.id;
      EXPECT_GE(item.choice_col, 0) << item.id;
      ++with_options;
    }
    EXPECT_GE(item.remarks_col, 0) << item.id;
  }
  EXPECT_GT(with_options, 20);
  // The instruction sheet 記入要領 contributes nothing.
  for (const Item& item : book) EXPECT_EQ(item.sheet, "チェックシート");
}

TEST(CorpusXlsx, IsoBlankMatchesTextWithCircleCrossOptions) {
  SKIP_WITHOUT_CORPUS();
  std::vector<Item> book = Workbook("iso27017_checklist_blank.xlsx");
  ExpectSameQuestions(book, TextTwin("004"), false);
  for (const Item& item : book) {
    EXPECT_THAT(item.options, ElementsAre("○", "×", "－")) << item.id;
    EXPECT_EQ(item.choice_col, 2) << item.id;
    EXPECT_EQ(item.answer_col, 3) << item.id;
  }
}

TEST(CorpusXlsx, EnglishBlankYesNoNa) {
  SKIP_WITHOUT_CORPUS();
  std::vector<Item> book = Workbook("english_questionnaire_blank.xlsx");
  ASSERT_EQ(book.size(), 22u);
  EXPECT_EQ(book[0].id, "Security Questionnaire!R5");
  EXPECT_EQ(book[0].number, "1");
  for (const Item& item : book) {
    EXPECT_THAT(item.options, ElementsAre("Yes", "No", "N/A")) << item.id;
    EXPECT_EQ(item.choice_col, 3) << item.id;
    EXPECT_EQ(item.answer_col, 4) << item.id;
    EXPECT_EQ(item.question_parts.size(), 2u) << item.id;
  }
}

TEST(CorpusXlsx, SheetOptionSelectsOrNamesTheSheets) {
  SKIP_WITHOUT_CORPUS();
  ReadOptions instructions;
  instructions.sheet = "記入要領";
  EXPECT_TRUE(Workbook("sla_checksheet_blank.xlsx", instructions).empty());
  ReadOptions missing;
  missing.sheet = "Nope";
  Result<Questionnaire> q =
      ReadQuestionnaire((kCorpus / "xlsx" / "sla_checksheet_blank.xlsx").string(), missing);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("sla_checksheet_blank.xlsx"), std::string::npos);
  EXPECT_NE(q.status().message().find("チェックシート"), std::string::npos);
  EXPECT_NE(q.status().message().find("記入要領"), std::string::npos);
  EXPECT_EQ(q.status().message().find('\n'), std::string::npos);
}

TEST(CorpusXlsx, ProseSeedIsNotReadAsATable) {
  SKIP_WITHOUT_CORPUS();
  Result<Questionnaire> q = ReadQuestionnaire(Seed("002"));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->format, SourceFormat::kProse);
}

}  // namespace
}  // namespace kotae::sheet
