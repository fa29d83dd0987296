#include "answer/fill_plan.h"

#include <gtest/gtest.h>

namespace kotae::answer {
namespace {

sheet::Item Row(int row, int answer_col, int choice_col, int remarks_col,
                std::vector<std::string> options = {}) {
  sheet::Item item;
  item.sheet = "S";
  item.row = row;
  item.answer_col = answer_col;
  item.choice_col = choice_col;
  item.remarks_col = remarks_col;
  item.options = std::move(options);
  return item;
}

ItemResult Result(Status status, std::string answer, std::string choice) {
  ItemResult r;
  r.status = status;
  r.answer = std::move(answer);
  r.choice = std::move(choice);
  r.confidence = 0.5;
  Source s;
  s.doc = "/lib/past_sheet.xlsx";
  s.locator = "回答!R7";
  r.sources.push_back(s);
  return r;
}

TEST(PlanFills, ChoiceColumnAndTextColumn) {
  sheet::Questionnaire q;
  q.items = {Row(4, /*answer*/ 3, /*choice*/ 2, -1, {"○", "×", "－"})};
  AnswerRun run;
  run.items = {Result(Status::kAnswered, "実施しています", "○")};
  auto fills = PlanFills(q, run);
  ASSERT_EQ(fills.size(), 1u);
  EXPECT_EQ(fills[0].choice_col, 2);
  EXPECT_EQ(fills[0].choice, "○");
  EXPECT_EQ(fills[0].answer_col, 3);
  EXPECT_EQ(fills[0].answer, "実施しています");
  EXPECT_FALSE(fills[0].needs_review);
  EXPECT_TRUE(fills[0].note.empty());
}

TEST(PlanFills, DropdownAnswerColumnTakesTheChoiceAndRemarksTheText) {
  sheet::Questionnaire q;
  q.items = {Row(9, /*answer*/ 5, -1, /*remarks*/ 6, {"有り", "無し", "該当なし"})};
  AnswerRun run;
  run.items = {Result(Status::kAnswered, "有り 日次で取得", "有り")};
  auto fills = PlanFills(q, run);
  ASSERT_EQ(fills.size(), 1u);
  EXPECT_EQ(fills[0].choice_col, 5);
  EXPECT_EQ(fills[0].choice, "有り");
  EXPECT_EQ(fills[0].answer_col, 6);
  EXPECT_EQ(fills[0].answer, "有り 日次で取得");
}

// A sheet answered by marking an option's column: the mark goes under the chosen option (「○」 in
// a Japanese sheet, "X" in an English one), the text into the column beside the marks or, without
// one, into the cell note; an unclear choice marks nothing.
TEST(PlanFills, MarkColumnsTakeAMarkUnderTheChosenOption) {
  sheet::Questionnaire q;
  q.items = {Row(2, /*answer*/ 5, -1, -1, {"はい", "いいえ", "該当なし"}),
             Row(3, -1, -1, -1, {"Yes", "No", "N/A"}), Row(4, 5, -1, -1, {"はい", "いいえ"})};
  q.items[0].option_cols = {2, 3, 4};
  q.items[1].option_cols = {2, 3, 4};
  q.items[2].option_cols = {2, 3};
  AnswerRun run;
  run.items = {Result(Status::kAnswered, "実施していません", "いいえ"),
               Result(Status::kAnswered, "Yes, daily.", "Yes"),
               Result(Status::kAnswered, "状況により異なります", "")};
  auto fills = PlanFills(q, run);
  ASSERT_EQ(fills.size(), 3u);
  EXPECT_EQ(fills[0].choice_col, 3);
  EXPECT_EQ(fills[0].choice, "○");
  EXPECT_EQ(fills[0].answer_col, 5);
  EXPECT_EQ(fills[0].answer, "実施していません");
  EXPECT_EQ(fills[1].choice_col, 2);
  EXPECT_EQ(fills[1].choice, "X");
  EXPECT_EQ(fills[1].answer_col, -1);
  EXPECT_EQ(fills[1].note, "Yes, daily.");
  EXPECT_EQ(fills[2].choice_col, -1);
  EXPECT_EQ(fills[2].answer_col, 5);
}

TEST(PlanFills, ReviewIsMarkedWithSourcesAndNoMatchStaysBlank) {
  sheet::Questionnaire q;
  q.items = {Row(1, 3, -1, -1), Row(2, 3, -1, -1)};
  AnswerRun run;
  run.items = {Result(Status::kNeedsReview, "たぶんこれ", ""), Result(Status::kNoMatch, "", "")};
  auto fills = PlanFills(q, run);
  ASSERT_EQ(fills.size(), 1u);
  EXPECT_EQ(fills[0].row, 1);
  EXPECT_TRUE(fills[0].needs_review);
  EXPECT_NE(fills[0].note.find("past_sheet.xlsx"), std::string::npos);
  EXPECT_NE(fills[0].note.find("回答!R7"), std::string::npos);
  EXPECT_EQ(fills[0].answer, "たぶんこれ");
}

TEST(PlanFills, UnclearChoiceLeavesTheChoiceCellAlone) {
  sheet::Questionnaire q;
  q.items = {Row(3, 4, 3, -1, {"Yes", "No"})};
  AnswerRun run;
  run.items = {Result(Status::kAnswered, "See the policy.", "")};
  auto fills = PlanFills(q, run);
  ASSERT_EQ(fills.size(), 1u);
  EXPECT_EQ(fills[0].choice_col, -1);
  EXPECT_EQ(fills[0].answer_col, 4);
}

}  // namespace
}  // namespace kotae::answer
