#include "answer/choice.h"

#include <gtest/gtest.h>

namespace kotae::answer {
namespace {

TEST(AnswerPolarity, JapaneseLeadWords) {
  EXPECT_EQ(AnswerPolarity("有り ・保存期間：90日"), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("無し"), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("委託無し"), Polarity::kUnknown);  // not a lead word
  EXPECT_EQ(AnswerPolarity("【無し】 現在は提供していない"), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("該当なし"), Polarity::kNotApplicable);
  EXPECT_EQ(AnswerPolarity("はい、実施しています。"), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("いいえ"), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("○"), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("×"), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("－"), Polarity::kNotApplicable);
}

TEST(AnswerPolarity, LeadWordNeedsABoundary) {
  // 「無停電電源装置」 starts with 無 but says nothing negative.
  EXPECT_EQ(AnswerPolarity("無停電電源装置（UPS）を設置しています。"), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("有効期限を定めています"), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("Notification within 24 hours is provided."), Polarity::kUnknown);
}

TEST(AnswerPolarity, SentenceEndings) {
  EXPECT_EQ(AnswerPolarity("管理者アカウントには多要素認証を必須としています。"),
            Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("現時点では外部監査は実施しておりません。"), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("暗号化は行っていません。"), Polarity::kNegative);
  // Both a yes and a no: unclear, so no choice is made.
  EXPECT_EQ(AnswerPolarity("日次で取得しています。遠隔地保管は行っておりません。"),
            Polarity::kUnknown);
  EXPECT_EQ(AnswerPolarity("ISO/IEC 27001"), Polarity::kUnknown);
}

TEST(AnswerPolarity, English) {
  EXPECT_EQ(AnswerPolarity("Yes. All traffic uses TLS 1.2 or later."), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("No, we do not store card data."), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("N/A"), Polarity::kNotApplicable);
  EXPECT_EQ(AnswerPolarity("MFA is enforced for all administrators."), Polarity::kPositive);
  EXPECT_EQ(AnswerPolarity("We do not offer on-premises deployment."), Polarity::kNegative);
  EXPECT_EQ(AnswerPolarity("Notes: see the policy"), Polarity::kUnknown);  // "no" inside a word
}

TEST(OptionPolarity, CommonOptionSets) {
  EXPECT_EQ(OptionPolarity("有り"), Polarity::kPositive);
  EXPECT_EQ(OptionPolarity("無し"), Polarity::kNegative);
  EXPECT_EQ(OptionPolarity("該当なし"), Polarity::kNotApplicable);
  EXPECT_EQ(OptionPolarity("Yes"), Polarity::kPositive);
  EXPECT_EQ(OptionPolarity("No"), Polarity::kNegative);
  EXPECT_EQ(OptionPolarity("N/A"), Polarity::kNotApplicable);
  EXPECT_EQ(OptionPolarity("○"), Polarity::kPositive);
  EXPECT_EQ(OptionPolarity("×"), Polarity::kNegative);
  EXPECT_EQ(OptionPolarity("－"), Polarity::kNotApplicable);
  EXPECT_EQ(OptionPolarity("未実施"), Polarity::kNegative);
  EXPECT_EQ(OptionPolarity("実施"), Polarity::kPositive);
  EXPECT_EQ(OptionPolarity("一部実施"), Polarity::kPartial);
}

TEST(PickChoice, MapsAcrossLanguagesAndSymbols) {
  const std::vector<std::string> yes_no{"Yes", "No", "N/A"};
  const std::vector<std::string> ari_nashi{"有り", "無し", "該当なし"};
  const std::vector<std::string> maru_batsu{"○", "×", "－"};
  EXPECT_EQ(PickChoice(yes_no, "有り 伝送データ 全てTLSで暗号化"), "Yes");
  EXPECT_EQ(PickChoice(yes_no, "実施しておりません"), "No");
  EXPECT_EQ(PickChoice(ari_nashi, "Yes, daily backups are kept for 14 days."), "有り");
  EXPECT_EQ(
      PickChoice(maru_batsu, "多要素認証を設定することにより、なりすまし対策を行っています。"),
      "○");
  EXPECT_EQ(PickChoice(maru_batsu, "無し"), "×");
}

TEST(PickChoice, UnclearOrMissingStaysEmpty) {
  const std::vector<std::string> yes_no{"Yes", "No"};
  EXPECT_EQ(PickChoice(yes_no, "ISO/IEC 27001 (JIS Q 27001)"), "");
  EXPECT_EQ(PickChoice(yes_no, "該当なし"), "");  // no N/A option to carry it
  EXPECT_EQ(PickChoice({}, "有り"), "");
  EXPECT_EQ(PickChoice({"A", "B"}, "有り"), "");
}

TEST(OptionsFromHint, HeaderAndUnitHints) {
  EXPECT_EQ(OptionsFromHint("有無"), (std::vector<std::string>{"有り", "無し"}));
  EXPECT_EQ(OptionsFromHint("結果（○／×）"), (std::vector<std::string>{"○", "×"}));
  EXPECT_EQ(OptionsFromHint("Response (Yes/No/N/A)"),
            (std::vector<std::string>{"Yes", "No", "N/A"}));
  EXPECT_TRUE(OptionsFromHint("時間").empty());
}

}  // namespace
}  // namespace kotae::answer
