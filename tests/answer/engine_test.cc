#include "answer/engine.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kotae::answer {
namespace {

// A vocabulary small enough to read: the engine's behaviour, not the shipped data, is tested.
constexpr char kVocabulary[] =
    "# version: test-1\n"
    "authentication\tA.8.5\t\t認証\tauthentication|authenticate\n"
    "mfa\tA.8.5\tauthentication\t多要素認証|二要素認証|2要素認証|二段階認証\t"
    "multi-factor authentication|two-factor authentication|mfa|2fa\n"
    "backup\tA.8.13\t\tバックアップ\tbackup|backups\n"
    "backup_generations\tA.8.13\tbackup\t世代\tgenerations|versions\n"
    "clock_sync\tA.8.17\t\t時刻同期|ntp\tclock synchronization|time synchronization|ntp\n"
    "earthquake\tA.7.5\t\t耐震|免震\tearthquake|seismic\n";

sheet::Item MakeItem(std::string question, std::string answer,
                     std::vector<std::string> sections = {}) {
  sheet::Item item;
  item.id = "Sheet!R" + std::to_string(question.size());
  item.sheet = "Sheet";
  item.question = std::move(question);
  item.question_parts = {item.question};
  item.answer = std::move(answer);
  item.sections = std::move(sections);
  item.answer_col = 3;
  return item;
}

class EngineTest : public ::testing::Test {
 protected:
  std::unique_ptr<Engine> MakeEngine(const std::vector<sheet::Item>& items) {
    sheet::Questionnaire q;
    q.path = "library.csv";
    q.items = items;
    Library library;
    library.Add("library.csv", q);
    auto vocabulary = text::Vocabulary::Parse(kVocabulary, "test-vocabulary");
    EXPECT_TRUE(vocabulary.ok()) << vocabulary.status().message();
    auto engine =
        Engine::Create(std::move(library), std::make_shared<const text::Vocabulary>(*vocabulary));
    EXPECT_TRUE(engine.ok()) << engine.status().message();
    return std::move(engine).value();
  }

  std::vector<sheet::Item> StandardLibrary() {
    return {
        MakeItem("管理画面へのログイン時に多要素認証を利用していますか",
                 "管理者アカウントには多要素認証を必須としています。", {"認証"}),
        MakeItem("バックアップの取得頻度と保管世代",
                 "日次でフルバックアップを取得し、7世代保管しています。", {"バックアップ"}),
        MakeItem("データセンターの所在地", "東京リージョンのみを利用しています。", {"設備"}),
        MakeItem("パスワードの最低文字数", "12文字以上を必須としています。", {"認証"}),
        MakeItem("障害発生時の連絡方法", "メールと管理画面のお知らせで通知します。", {"運用"}),
    };
  }
};

TEST_F(EngineTest, SynonymOfTheVocabularyFindsTheEntry) {
  auto engine = MakeEngine(StandardLibrary());
  ItemResult r = engine->Answer(MakeItem("二要素認証に対応していますか。", ""));
  ASSERT_FALSE(r.sources.empty());
  EXPECT_NE(r.sources[0].answer.find("多要素認証"), std::string::npos);
  EXPECT_NE(r.status, Status::kNoMatch);
  EXPECT_GT(r.confidence, 0.0);
}

TEST_F(EngineTest, EnglishQuestionFindsJapaneseAnswer) {
  auto engine = MakeEngine(StandardLibrary());
  ItemResult r = engine->Answer(MakeItem("Is two-factor authentication required for admins?", ""));
  ASSERT_FALSE(r.sources.empty());
  EXPECT_NE(r.sources[0].answer.find("多要素認証"), std::string::npos);
  ItemResult b = engine->Answer(MakeItem("How many backup generations do you keep?", ""));
  ASSERT_FALSE(b.sources.empty());
  EXPECT_NE(b.sources[0].answer.find("7世代"), std::string::npos);
}

TEST_F(EngineTest, NothingRelevantIsNoMatchAndStaysBlank) {
  auto engine = MakeEngine(StandardLibrary());
  sheet::Item item = MakeItem("建物の耐震基準について教えてください。", "");
  item.options = {"有り", "無し", "該当なし"};
  ItemResult r = engine->Answer(item);
  EXPECT_EQ(r.status, Status::kNoMatch);
  EXPECT_TRUE(r.answer.empty());
  EXPECT_TRUE(r.choice.empty());  // never turned into 該当なし
}

TEST_F(EngineTest, ExactQuestionIsAnsweredWithItsOwnAnswer) {
  auto engine = MakeEngine(StandardLibrary());
  sheet::Item item = MakeItem("バックアップの取得頻度と保管世代を教えてください", "");
  ItemResult r = engine->Answer(item);
  EXPECT_EQ(r.status, Status::kAnswered) << r.reason;
  EXPECT_EQ(r.answer, "日次でフルバックアップを取得し、7世代保管しています。");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].doc, "library.csv");
  EXPECT_FALSE(r.sources[0].matched_terms.empty());
}

TEST_F(EngineTest, DisagreeingSourcesNeedReviewAndAreBothCited) {
  std::vector<sheet::Item> items = StandardLibrary();
  items.push_back(MakeItem("サーバの時刻同期の有無", "無し", {"運用"}));
  items.push_back(MakeItem("サーバの時刻同期の方法", "NTPサーバと時刻同期しています。", {"運用"}));
  auto engine = MakeEngine(items);
  ItemResult r = engine->Answer(MakeItem("サーバの時刻同期を行っていますか。", ""));
  EXPECT_EQ(r.status, Status::kNeedsReview) << r.reason;
  ASSERT_GE(r.sources.size(), 2u);
  std::vector<std::string> answers;
  for (const Source& s : r.sources) answers.push_back(s.answer);
  EXPECT_NE(std::find(answers.begin(), answers.end(), "無し"), answers.end());
  EXPECT_NE(std::find(answers.begin(), answers.end(), "NTPサーバと時刻同期しています。"),
            answers.end());
}

TEST_F(EngineTest, ChoiceFollowsTheSourcesPolarity) {
  auto engine = MakeEngine(StandardLibrary());
  sheet::Item item = MakeItem("管理画面へのログイン時に多要素認証を利用していますか", "");
  item.options = {"はい", "いいえ", "該当なし"};
  ItemResult r = engine->Answer(item);
  ASSERT_NE(r.status, Status::kNoMatch);
  EXPECT_EQ(r.choice, "はい");
  EXPECT_EQ(r.options, item.options);
}

TEST(Library, KeepsOnlyAnsweredDistinctEntries) {
  sheet::Questionnaire q;
  q.items = {MakeItem("質問A", "回答A"), MakeItem("質問B", ""), MakeItem("質問A", "回答A")};
  q.items[1].choice = "";
  Library library;
  library.Add("a.csv", q);
  library.Add("b.csv", q);  // the same sheet twice adds nothing new
  ASSERT_EQ(library.entries().size(), 1u);
  EXPECT_EQ(library.entries()[0].doc, "a.csv");
  EXPECT_EQ(library.entries()[0].answer, "回答A");
  EXPECT_EQ(library.paths().size(), 2u);
}

TEST(Library, ChoiceLeadsTheAnswerText) {
  sheet::Questionnaire q;
  sheet::Item item = MakeItem("暗号化の有無", "TLS1.2以上");
  item.choice = "有り";
  item.remarks = "全通信が対象";
  q.items = {item};
  Library library;
  library.Add("lib.xlsx", q);
  ASSERT_EQ(library.entries().size(), 1u);
  EXPECT_EQ(library.entries()[0].answer, "有り TLS1.2以上 全通信が対象");
}

TEST(Library, EmptyLibraryAnswersNothing) {
  auto engine = Engine::Create(Library{}, nullptr);
  ASSERT_TRUE(engine.ok());
  ItemResult r = (*engine)->Answer(MakeItem("多要素認証を利用していますか", ""));
  EXPECT_EQ(r.status, Status::kNoMatch);
  EXPECT_TRUE(r.sources.empty());
}

}  // namespace
}  // namespace kotae::answer
