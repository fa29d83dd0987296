// DetectItems on small grids built here, one rule per test. Expected values are written by
// hand from what a person reading the sheet would call the question and the answer.
#include "sheet/layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kotae::sheet {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Grid MakeGrid(std::vector<std::vector<std::string>> rows, std::string name = "S") {
  Grid grid;
  grid.name = std::move(name);
  grid.rows = std::move(rows);
  return grid;
}

std::vector<Item> Detect(const Grid& grid, const ReadOptions& options = {}) {
  Result<std::vector<Item>> items = DetectItems(grid, options);
  EXPECT_TRUE(items.ok()) << items.status().message();
  return items.ok() ? *items : std::vector<Item>{};
}

TEST(Layout, TitleRowsAboveHeaderAndIds) {
  Grid grid = MakeGrid({
      {"セキュリティチェックシート"},
      {},
      {"※回答欄に記入してください"},
      {"No.", "質問", "回答"},
      {"1", "パスワードの最小文字数を定めていますか", "はい、12文字"},
      {"2", "多要素認証を提供していますか", ""},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "S!R5");
  EXPECT_EQ(items[0].row, 4);
  EXPECT_EQ(items[0].sheet, "S");
  EXPECT_EQ(items[0].number, "1");
  EXPECT_EQ(items[0].question, "パスワードの最小文字数を定めていますか");
  EXPECT_EQ(items[0].answer, "はい、12文字");
  EXPECT_EQ(items[0].answer_col, 2);
  EXPECT_THAT(items[0].sections, IsEmpty());
  EXPECT_EQ(items[1].answer, "");
  EXPECT_EQ(items[1].answer_col, 2);
}

TEST(Layout, EnglishHeaderBelowInstructionsWithChoiceAndComments) {
  Grid grid = MakeGrid({
      {"Vendor Security Questionnaire"},
      {"Answer every question. Add comments where a response needs explanation."},
      {},
      {"#", "Category", "Question", "Response", "Comments"},
      {"1", "Authentication", "Is two-factor authentication required?", "Yes", "TOTP"},
      {"2", "Backup", "Please describe your backup schedule.", "", ""},
  });
  ListValidation v;
  v.ranges.push_back({4, 3, 5, 3});
  v.options = {"Yes", "No", "N/A"};
  grid.validations.push_back(v);
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_THAT(items[0].question_parts,
              ElementsAre("Authentication", "Is two-factor authentication required?"));
  EXPECT_EQ(items[0].choice_col, 3);
  EXPECT_EQ(items[0].answer_col, 4);
  EXPECT_EQ(items[0].remarks_col, 4);
  EXPECT_EQ(items[0].choice, "Yes");
  EXPECT_EQ(items[0].answer, "TOTP");
  EXPECT_EQ(items[0].remarks, "");
  EXPECT_THAT(items[0].options, ElementsAre("Yes", "No", "N/A"));
}

TEST(Layout, TwoRowHeaderWithOptionsInHeader) {
  Grid grid = MakeGrid({
      {"No", "確認事項", "回答", ""},
      {"", "", "○/×", "補足"},
      {"1", "ウイルス対策ソフトを導入していますか", "○", "全端末に導入"},
      {"2", "ログを保存していますか", "×", ""},
  });
  grid.merges.push_back({0, 2, 0, 3});
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "S!R3");
  EXPECT_EQ(items[0].choice_col, 2);
  EXPECT_EQ(items[0].answer_col, 3);
  EXPECT_EQ(items[0].choice, "○");
  EXPECT_EQ(items[0].answer, "全端末に導入");
  EXPECT_THAT(items[0].options, ElementsAre("○", "×"));
  EXPECT_EQ(items[1].choice, "×");
}

TEST(Layout, HeaderHintYesNoNaOnSingleAnswerColumn) {
  Grid grid = MakeGrid({
      {"ID", "Question", "Answer (Yes/No/N/A)"},
      {"A-1", "Do you encrypt data at rest?", ""},
      {"A-2", "Do you encrypt backups?", ""},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].number, "A-1");
  EXPECT_EQ(items[0].answer_col, 2);
  EXPECT_THAT(items[0].options, ElementsAre("Yes", "No", "N/A"));
}

TEST(Layout, NoHeaderUsesFillStatistics) {
  Grid grid = MakeGrid({
      {"1", "情報セキュリティ基本方針を策定し公開していますか", "策定し公開しています"},
      {"2", "従業員に対するセキュリティ教育を年一回以上実施していますか", "毎年実施"},
      {"3", "入退室の記録を保存していますか", "一年間保存"},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].number, "2");
  EXPECT_EQ(items[1].question, "従業員に対するセキュリティ教育を年一回以上実施していますか");
  EXPECT_EQ(items[1].answer, "毎年実施");
}

TEST(Layout, NumberedSectionsSubsectionsAndRestartingNumbers) {
  Grid grid = MakeGrid({
      {"項目", "対策項目", "対策要件", "実施内容"},
      {"1. 組織"},
      {"基本方針"},
      {"1", "方針の作成", "方針を定めること", "定めている"},
      {"体制"},
      {"1", "責任者", "責任者を置くこと", "置いている"},
      {"2. 運用"},
      {"1", "監視", "監視すること", "している"},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_THAT(items[0].sections, ElementsAre("1. 組織", "基本方針"));
  EXPECT_THAT(items[1].sections, ElementsAre("1. 組織", "体制"));
  // A new top section clears the subsections.
  EXPECT_THAT(items[2].sections, ElementsAre("2. 運用"));
  EXPECT_EQ(items[0].number, "1");
  EXPECT_EQ(items[1].number, "1");
  EXPECT_EQ(items[0].question, "方針の作成 方針を定めること");
}

TEST(Layout, UnnumberedSectionRunsNestAndDoubledRowsCollapse) {
  Grid grid = MakeGrid({
      {"No.", "種別", "項目", "回答"},
      {"運用"},
      {"可用性"},
      {"1", "可用性", "サービス時間", "24時間"},
      {"信頼性"},
      {"2", "信頼性", "復旧時間", "1時間"},
      {"サポート"},
      {"サポート"},
      {"3", "サポート", "受付時間", "平日"},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_THAT(items[0].sections, ElementsAre("運用", "可用性"));
  EXPECT_THAT(items[1].sections, ElementsAre("運用", "信頼性"));
  EXPECT_THAT(items[2].sections, ElementsAre("サポート"));
}

TEST(Layout, SectionRowMergedAcrossColumns) {
  Grid grid = MakeGrid({
      {"Question", "Answer"},
      {"Access Control"},
      {"Do you review access rights quarterly?", "Yes"},
  });
  grid.merges.push_back({1, 0, 1, 1});
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_THAT(items[0].sections, ElementsAre("Access Control"));
  EXPECT_EQ(items[0].answer, "Yes");
}

// A question label merged across four columns over question cells merged the same way: the
// question column is the label's first column (the others hold only the merge), and a merged
// question cell that stays left of the answer area is a question, not a section heading —
// with or without a number column; a merge reaching into the answer area still heads a section.
TEST(Layout, QuestionLabelAndCellsMergedAcrossColumns) {
  for (bool numbered : {true, false}) {
    const std::string n1 = numbered ? "1" : "";
    const std::string n2 = numbered ? "2" : "";
    Grid grid = MakeGrid({
        {"", "質問", "", "", "", "ご回答欄", "補足"},
        {n1, "管理者ログインに多要素認証を利用していますか。"},
        {"技術的対策"},
        {n2, "通信はTLSで暗号化していますか。", "", "", "", "はい"},
    });
    grid.merges.push_back({0, 1, 0, 4});
    grid.merges.push_back({1, 1, 1, 4});
    grid.merges.push_back({2, 0, 2, 6});  // a section heading across the whole table
    grid.merges.push_back({3, 1, 3, 4});
    std::vector<Item> items = Detect(grid);
    ASSERT_EQ(items.size(), 2u) << "numbered " << numbered;
    EXPECT_EQ(items[0].question, "管理者ログインに多要素認証を利用していますか。");
    EXPECT_EQ(items[0].answer_col, 5);
    EXPECT_EQ(items[0].remarks_col, 6);
    EXPECT_EQ(items[1].question, "通信はTLSで暗号化していますか。");
    EXPECT_EQ(items[1].answer, "はい");
    EXPECT_THAT(items[1].sections, ElementsAre("技術的対策"));
  }
}

// 「はい | いいえ | 該当なし」 columns answered by a mark under one of them: the labels are the
// options, the marked column's label is the choice, the marks are no part of the question, and
// the text goes into the column right of the marks (none in the English sheet).
TEST(Layout, OptionColumnsAnsweredByAMark) {
  Grid ja = MakeGrid({
      {"項番", "チェック項目", "はい", "いいえ", "該当なし", "コメント"},
      {"1", "管理者ログインに多要素認証を利用していますか。", "○", "", "", "全管理者に必須"},
      {"2", "データセンターは国外にありますか。", "", "○", "", ""},
      {"3", "バックアップを取得していますか。", "", "", "", ""},
  });
  std::vector<Item> items = Detect(ja);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].question, "管理者ログインに多要素認証を利用していますか。");
  EXPECT_THAT(items[0].options, ElementsAre("はい", "いいえ", "該当なし"));
  EXPECT_THAT(items[0].option_cols, ElementsAre(2, 3, 4));
  EXPECT_EQ(items[0].choice, "はい");
  EXPECT_EQ(items[0].answer, "全管理者に必須");
  EXPECT_EQ(items[0].answer_col, 5);
  EXPECT_EQ(items[0].choice_col, -1);
  EXPECT_EQ(items[1].choice, "いいえ");
  EXPECT_EQ(items[2].choice, "");

  Grid en = MakeGrid({
      {"#", "Question", "Yes", "No", "N/A"},
      {"1", "Is data encrypted at rest?", "", "", ""},
      {"2", "Do you allow shared accounts?", "", "x", ""},
  });
  items = Detect(en);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_THAT(items[0].option_cols, ElementsAre(2, 3, 4));
  EXPECT_EQ(items[0].answer_col, -1);
  EXPECT_EQ(items[1].choice, "No");
  EXPECT_EQ(items[1].question, "Do you allow shared accounts?");
}

// Option labels in one header cell, or a run without both a yes and a no, are no mark columns.
TEST(Layout, OptionLabelsWithoutAYesAndANoAreNoMarkColumns) {
  Grid grid = MakeGrid({
      {"No.", "質問", "実施", "一部実施", "備考"},
      {"1", "多要素認証を利用していますか。", "", "", ""},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_THAT(items[0].option_cols, IsEmpty());
}

// An evidence column right of the answer takes the remarks; a 「チェック欄」 is the answer column.
TEST(Layout, EvidenceAndCheckColumnsAreNamed) {
  Grid evidence = MakeGrid({
      {"Ref", "Domain", "Control Question", "Vendor Response", "Evidence"},
      {"AC-1", "Access", "Is MFA enforced for all remote access?", "Yes", "Policy 4.2"},
  });
  std::vector<Item> items = Detect(evidence);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].answer, "Yes");
  EXPECT_EQ(items[0].remarks, "Policy 4.2");
  EXPECT_EQ(items[0].remarks_col, 4);

  Grid check = MakeGrid({
      {"No", "確認項目", "チェック欄", "補足"},
      {"1", "パスワードは8文字以上か", "", ""},
      {"2", "バックアップを取得しているか", "", ""},
  });
  items = Detect(check);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].answer_col, 2);
  EXPECT_EQ(items[0].remarks_col, 3);
}

// A header of 16,384 「はい」 cells (the xlsx column limit) holds no yes-and-no run; the search
// for mark columns stays linear in the header's width.
TEST(Layout, WideHeaderOfOneOptionLabel) {
  std::vector<std::string> header(16384, "はい");
  header[0] = "質問";
  std::vector<std::string> row(2, "");
  row[0] = "多要素認証を利用していますか。";
  Grid grid = MakeGrid({header, row});
  std::vector<Item> items = Detect(grid);
  for (const Item& item : items) EXPECT_THAT(item.option_cols, IsEmpty());
}

TEST(Layout, CategoryLeftBlankOrMergedIsCarriedDown) {
  Grid grid = MakeGrid({
      {"No.", "種別", "項目", "規定内容", "測定単位", "回答"},
      {"1", "データ管理", "バックアップの方法", "内容を記述", "有無", ""},
      {"2", "", "取得タイミング(RPO)", "保証する時点", "時間", ""},
      {"3", "セキュリティ", "認証取得", "公的認証", "有無", ""},
      {"4", "", "暗号化", "", "有無", ""},
  });
  grid.merges.push_back({3, 1, 4, 1});
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_THAT(items[1].question_parts,
              ElementsAre("データ管理", "取得タイミング(RPO)", "保証する時点"));
  EXPECT_EQ(items[1].unit, "時間");
  // A blank detail column right of the item's own text is not inherited.
  EXPECT_THAT(items[3].question_parts, ElementsAre("セキュリティ", "暗号化"));
  EXPECT_EQ(items[3].answer_col, 5);
}

TEST(Layout, ContinuationRowsAndAnswerOnlyRows) {
  Grid grid = MakeGrid({
      {"No", "大項目", "質問", "回答"},
      {"5", "バックアップ", "取得間隔", "毎日"},
      {"", "", "保存世代", "14世代"},
      {"", "", "", "(差分は毎時)"},
      {"6", "", "復旧手順", "文書化済み"},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].number, "5");
  EXPECT_THAT(items[1].question_parts, ElementsAre("バックアップ", "保存世代"));
  EXPECT_EQ(items[1].answer, "14世代\n(差分は毎時)");
  EXPECT_EQ(items[2].number, "6");
  EXPECT_THAT(items[2].question_parts, ElementsAre("バックアップ", "復旧手順"));
}

TEST(Layout, RepeatedPageHeaderAndTitleAreSkipped) {
  Grid grid = MakeGrid({
      {"■ チェックシート"},
      {"No.", "種別", "項目", "回答"},
      {"セキュリティ"},
      {"1", "セキュリティ", "暗号化", "TLS1.2"},
      {},
      {"■ チェックシート"},
      {},
      {"No.", "種別", "項目", "回答"},
      {"2", "", "鍵管理", "KMS"},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_THAT(items[1].sections, ElementsAre("セキュリティ"));
  EXPECT_THAT(items[1].question_parts, ElementsAre("セキュリティ", "鍵管理"));
  EXPECT_EQ(items[1].id, "S!R9");
}

TEST(Layout, ControlIdInsideQuestionCell) {
  Grid grid = MakeGrid({
      {"管理策", "チェック内容", "結果"},
      {"6.1.1 情報セキュリティの役割及び責任", "責任分界を文書化しているか", "している"},
      {"CLD.12.4.5 クラウドサービスの監視", "監視機能を提供しているか", ""},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].number, "6.1.1");
  EXPECT_EQ(items[1].number, "CLD.12.4.5");
  EXPECT_EQ(items[0].answer, "している");
}

TEST(Layout, ChoiceOnlyWhereValidated) {
  Grid grid = MakeGrid({
      {"No.", "項目", "測定単位", "回答", "備考"},
      {"1", "計画停止予定通知", "有無", "有り", "1週間前に通知"},
      {"2", "サービス稼働率", "稼働率(%)", "99.9", ""},
  });
  ListValidation v;
  v.ranges.push_back({1, 3, 1, 3});
  v.options = {"有り", "無し", "該当なし"};
  grid.validations.push_back(v);
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].choice_col, 3);
  EXPECT_EQ(items[0].answer_col, 4);
  EXPECT_EQ(items[0].choice, "有り");
  EXPECT_EQ(items[0].answer, "1週間前に通知");
  EXPECT_THAT(items[0].options, ElementsAre("有り", "無し", "該当なし"));
  // Without a dropdown the row is answered in the 回答 column as free text.
  EXPECT_EQ(items[1].choice_col, -1);
  EXPECT_EQ(items[1].answer_col, 3);
  EXPECT_EQ(items[1].answer, "99.9");
  EXPECT_EQ(items[1].remarks_col, 4);
  EXPECT_THAT(items[1].options, IsEmpty());
}

TEST(Layout, RequiredMarkerShiftsTheAnswer) {
  Grid grid = MakeGrid({
      {"【情報開示項目】", "", "【内容】", "必須/選択", "事業者回答"},
      {"1", "開示情報の時点", "開示情報の年月日", "必須", "2023年4月3日"},
      {"2", "委託", "委託先の管理状況", "遵守規定の有無", "必須", "委託無し"},
      {"", "", "", "委託先の管理方法", "", "委託無し"},
      {"", "", "", "再委託の有無"},
  });
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].answer, "2023年4月3日");
  EXPECT_EQ(items[0].answer_col, 4);
  EXPECT_EQ(items[1].answer, "委託無し");
  EXPECT_EQ(items[1].answer_col, 5);
  EXPECT_EQ(items[1].question, "委託 委託先の管理状況 遵守規定の有無");
  EXPECT_EQ(items[2].number, "2");
  EXPECT_EQ(items[2].question, "委託 委託先の管理状況 委託先の管理方法");
  EXPECT_EQ(items[2].answer, "委託無し");
  EXPECT_EQ(items[3].question, "委託 委託先の管理状況 再委託の有無");
  EXPECT_EQ(items[3].answer, "");
}

TEST(Layout, InstructionSheetGivesNoItems) {
  Grid grid = MakeGrid({
      {"記入要領"},
      {"1. 回答欄には、貴社サービスの現状を記入してください。"},
      {"2. 補足事項は備考欄に記入してください。"},
  });
  EXPECT_THAT(Detect(grid), IsEmpty());
}

TEST(Layout, SummarySheetWithEmptyQuestionsGivesNoItems) {
  Grid grid = MakeGrid({
      {"#", "Category", "Question", "Response"},
      {"1", "Backup", "", ""},
      {"2", "Network", "", ""},
      {"3", "Logging", "", ""},
  });
  EXPECT_THAT(Detect(grid), IsEmpty());
}

TEST(Layout, HiddenRowsAreSkipped) {
  Grid grid = MakeGrid({
      {"No", "Question", "Answer"},
      {"1", "Visible question?", ""},
      {"2", "Hidden question?", ""},
  });
  grid.hidden_rows = {false, false, true};
  std::vector<Item> items = Detect(grid);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].question, "Visible question?");
}

TEST(Layout, OverridesTakePrecedence) {
  Grid grid = MakeGrid({
      {"x", "y", "z"},
      {"a", "Do you patch monthly?", "w", "Yes"},
      {"b", "Do you scan weekly?", "w", "No"},
  });
  ReadOptions options;
  options.header_row = 1;
  options.question_col = 1;
  options.answer_col = 3;
  std::vector<Item> items = Detect(grid, options);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].answer_col, 3);
  EXPECT_EQ(items[0].answer, "Yes");
  EXPECT_NE(items[0].question.find("Do you patch monthly?"), std::string::npos);
}

TEST(Layout, InconsistentOverridesAreInvalidInput) {
  Grid grid = MakeGrid({{"No", "Question", "Answer"}, {"1", "Q?", ""}});
  ReadOptions past_end;
  past_end.header_row = 5;
  Result<std::vector<Item>> r1 = DetectItems(grid, past_end);
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r1.status().message().find("header row 5"), std::string::npos);
  EXPECT_EQ(r1.status().message().find('\n'), std::string::npos);
  ReadOptions same;
  same.question_col = 1;
  same.answer_col = 1;
  EXPECT_FALSE(DetectItems(grid, same).ok());
}

TEST(Layout, EmptyAndRaggedGridsDoNotCrash) {
  EXPECT_THAT(Detect(MakeGrid({})), IsEmpty());
  EXPECT_THAT(Detect(MakeGrid({{}, {}, {""}})), IsEmpty());
  Grid odd = MakeGrid({{"No", "Question", "Answer"}, {"1"}, {"", "", "", "", "stray"}});
  odd.merges.push_back({5, 5, 2, 2});  // inverted, out of range
  odd.merges.push_back({0, 0, 1000000, 16000});
  EXPECT_THAT(Detect(odd), IsEmpty());
}

}  // namespace
}  // namespace kotae::sheet
