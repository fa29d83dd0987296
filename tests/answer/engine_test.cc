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
  std::unique_ptr<Engine> MakeEngine(const std::vector<sheet::Item>& items,
                                     const EngineOptions& options = {}) {
    sheet::Questionnaire q;
    q.path = "library.csv";
    q.items = items;
    Library library;
    library.Add("library.csv", q);
    auto vocabulary = text::Vocabulary::Parse(kVocabulary, "test-vocabulary");
    EXPECT_TRUE(vocabulary.ok()) << vocabulary.status().message();
    auto engine = Engine::Create(std::move(library),
                                 std::make_shared<const text::Vocabulary>(*vocabulary), options);
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

// Questionnaire statistics: a phrase that every item of the sheet repeats says what kind of
// sheet it is, not what one item asks, so within the sheet it stops deciding the ranking.
TEST_F(EngineTest, WordsTheWholeSheetRepeatsLoseTheirWeight) {
  std::vector<sheet::Item> library = StandardLibrary();
  library.push_back(
      MakeItem("クラウドサービス利用者の登録手続", "申込書で受け付けます。", {"契約"}));
  library.push_back(MakeItem("ログの保存期間", "1年間保存しています。", {"運用"}));
  auto engine = MakeEngine(library);

  const sheet::Item probe = MakeItem("クラウドサービス利用者のログ", "");
  ItemResult alone = engine->Answer(probe);
  ASSERT_FALSE(alone.sources.empty());
  // Precondition: on its own the shared boilerplate wins.
  ASSERT_EQ(alone.sources[0].answer, "申込書で受け付けます。");

  sheet::Questionnaire sheet;
  sheet.path = "incoming.csv";
  const char* topics[] = {"暗号化", "バックアップ", "パスワード", "監視",     "教育",
                          "委託先", "入退室",       "脆弱性",     "変更管理", "障害",
                          "契約",   "監査",         "データ削除", "端末",     "ウイルス",
                          "通信",   "鍵管理",       "開発",       "可用性"};
  for (const char* topic : topics) {
    sheet.items.push_back(MakeItem(std::string("クラウドサービス利用者の") + topic, ""));
  }
  sheet.items.push_back(probe);
  AnswerRun run = engine->AnswerAll(sheet);
  const ItemResult& in_sheet = run.items.back();
  ASSERT_FALSE(in_sheet.sources.empty());
  EXPECT_EQ(in_sheet.sources[0].answer, "1年間保存しています。") << in_sheet.reason;

  // The statistics belong to that one run: answering the item alone again is unchanged.
  EXPECT_EQ(engine->Answer(probe).sources[0].answer, "申込書で受け付けます。");
}

// In a sheet whose first question cells are per-item titles (「対策項目」 + 「対策要件」), a best
// source that misses the title is weaker evidence than one that covers it; where the first cells
// repeat they are categories and carry no such weight.
TEST_F(EngineTest, TitleColumnWeighsOnlyWhenEachItemHasItsOwn) {
  auto engine = MakeEngine(StandardLibrary());
  auto sheet_with_first_cells = [](bool shared_first_cell) {
    sheet::Questionnaire sheet;
    sheet.path = "incoming.xlsx";
    for (int i = 0; i < 20; ++i) {
      sheet::Item item = MakeItem("", "");
      const std::string first =
          shared_first_cell ? std::string(i < 10 ? "運用" : "設備") : "項目" + std::to_string(i);
      item.question_parts = {first, "各項目の要求事項を定め、文書化すること。"};
      item.question = item.question_parts[0] + " " + item.question_parts[1];
      sheet.items.push_back(item);
    }
    sheet::Item probe = MakeItem("", "");
    probe.question_parts = {shared_first_cell ? "運用" : "時刻同期",
                            "バックアップの取得頻度と保管世代を定めること。"};
    probe.question = probe.question_parts[0] + " " + probe.question_parts[1];
    sheet.items.push_back(probe);
    return sheet;
  };
  AnswerRun titled = engine->AnswerAll(sheet_with_first_cells(false));
  AnswerRun grouped = engine->AnswerAll(sheet_with_first_cells(true));
  const ItemResult& t = titled.items.back();
  const ItemResult& g = grouped.items.back();
  ASSERT_FALSE(t.sources.empty());
  ASSERT_FALSE(g.sources.empty());
  EXPECT_EQ(t.sources[0].answer, "日次でフルバックアップを取得し、7世代保管しています。");
  EXPECT_EQ(g.sources[0].answer, t.sources[0].answer);
  EXPECT_NE(t.reason.find("0% of its title"), std::string::npos) << t.reason;
  EXPECT_LT(t.confidence, g.confidence);
}

// A title that names a concept is partly covered by an entry about a narrower one: a title
// on authentication by an entry on multi-factor authentication.
TEST_F(EngineTest, TitleIsPartlyCoveredByANarrowerConcept) {
  auto engine =
      MakeEngine({MakeItem("管理画面へのログイン時に多要素認証を利用していますか",
                           "管理者アカウントには多要素認証を必須としています。"),
                  MakeItem("データセンターの所在地", "東京リージョンのみを利用しています。")});
  sheet::Questionnaire sheet;
  sheet.path = "incoming.xlsx";
  for (int i = 0; i < 20; ++i) {
    sheet::Item item = MakeItem("", "");
    item.question_parts = {"Item " + std::to_string(i), "Describe the requirement."};
    item.question = item.question_parts[0] + " " + item.question_parts[1];
    sheet.items.push_back(item);
  }
  sheet::Item probe = MakeItem("", "");
  probe.question_parts = {"Authentication", "Is two-factor authentication enforced at login?"};
  probe.question = probe.question_parts[0] + " " + probe.question_parts[1];
  sheet.items.push_back(probe);
  const ItemResult result = engine->AnswerAll(sheet).items.back();
  ASSERT_FALSE(result.sources.empty());
  ASSERT_NE(result.sources[0].answer.find("多要素認証"), std::string::npos);
  ASSERT_TRUE(result.evidence.has_title);
  EXPECT_GT(result.evidence.title_coverage, 0.0);
  EXPECT_LT(result.evidence.title_coverage, 1.0);
}

// A category column may come before the titles (an SLA sheet's 「種別」 + 「サービスレベル項目」 +
// 「規定内容」): the title is the first cell of an item's own, not the first cell.
TEST_F(EngineTest, TitleMayFollowACategoryColumn) {
  auto engine = MakeEngine(StandardLibrary());
  auto sheet_with_title_column = [](bool titled) {
    sheet::Questionnaire sheet;
    sheet.path = "incoming.xlsx";
    for (int i = 0; i < 20; ++i) {
      sheet::Item item = MakeItem("", "");
      item.question_parts = {i < 10 ? "運用" : "設備"};
      if (titled) item.question_parts.push_back("項目" + std::to_string(i));
      item.question_parts.push_back("各項目の要求事項を定め、文書化すること。");
      sheet.items.push_back(item);
    }
    sheet::Item probe = MakeItem("", "");
    probe.question_parts = {"運用"};
    if (titled) probe.question_parts.push_back("時刻同期");
    probe.question_parts.push_back("バックアップの取得頻度と保管世代を定めること。");
    sheet.items.push_back(probe);
    for (sheet::Item& item : sheet.items) {
      for (const std::string& part : item.question_parts) {
        item.question += (item.question.empty() ? "" : " ") + part;
      }
    }
    return sheet;
  };
  AnswerRun titled = engine->AnswerAll(sheet_with_title_column(true));
  AnswerRun untitled = engine->AnswerAll(sheet_with_title_column(false));
  const ItemResult& t = titled.items.back();
  const ItemResult& u = untitled.items.back();
  ASSERT_FALSE(t.sources.empty());
  EXPECT_EQ(t.sources[0].answer, "日次でフルバックアップを取得し、7世代保管しています。");
  EXPECT_TRUE(t.evidence.has_title);
  EXPECT_FALSE(u.evidence.has_title);
  EXPECT_NE(t.reason.find("0% of its title"), std::string::npos) << t.reason;
  // The category 「運用」 is not the title: an item of the titled sheet has its number as title.
  EXPECT_TRUE(titled.items.front().evidence.has_title || titled.items.front().sources.empty());
}

// One library entry rarely answers several items of a sheet: when it is the best source of two,
// the item that matches it less closely loses confidence, the other keeps its own.
TEST_F(EngineTest, AnEntryBestForSeveralItemsIsWeakerEvidenceForAllButOne) {
  EngineOptions options;
  auto engine = MakeEngine(StandardLibrary());
  const sheet::Item exact = MakeItem("バックアップの取得頻度と保管世代", "");
  const sheet::Item loose = MakeItem("バックアップの保管場所", "");
  const ItemResult exact_alone = engine->Answer(exact);
  const ItemResult loose_alone = engine->Answer(loose);
  ASSERT_FALSE(loose_alone.sources.empty());
  // Precondition: both find the backup entry on their own.
  ASSERT_EQ(exact_alone.sources[0].answer, loose_alone.sources[0].answer);
  EXPECT_EQ(loose_alone.evidence.shared_best, 0);

  sheet::Questionnaire sheet;
  sheet.path = "incoming.csv";
  sheet.items = {loose, exact};
  AnswerRun run = engine->AnswerAll(sheet);
  const ItemResult& loose_in_sheet = run.items[0];
  const ItemResult& exact_in_sheet = run.items[1];
  EXPECT_EQ(loose_in_sheet.evidence.shared_best, 1);
  EXPECT_FALSE(loose_in_sheet.evidence.strongest_claim);
  EXPECT_TRUE(exact_in_sheet.evidence.strongest_claim);
  EXPECT_LT(loose_in_sheet.confidence, loose_alone.confidence);
  EXPECT_DOUBLE_EQ(exact_in_sheet.confidence, exact_alone.confidence);
  EXPECT_NEAR(loose_in_sheet.confidence, loose_alone.confidence * options.weaker_claim_factor,
              1e-9);
  EXPECT_NE(loose_in_sheet.reason.find("1 other item of the sheet match it more closely"),
            std::string::npos)
      << loose_in_sheet.reason;
}

// Items that ask the same thing of different scopes (a METI sheet's 「バックアップ」 of user data
// and of system configuration) may share their best source without losing confidence; with the
// similarity bar out of reach, the same pair is treated as two different questions.
TEST_F(EngineTest, ItemsThatAskTheSameThingMayShareTheirBestSource) {
  sheet::Questionnaire sheet;
  sheet.path = "incoming.csv";
  sheet.items = {MakeItem("利用者データのバックアップの取得頻度と保管世代を定めること", ""),
                 MakeItem("システム構成情報のバックアップの取得頻度と保管世代を定めること", "")};
  auto engine = MakeEngine(StandardLibrary());
  AnswerRun run = engine->AnswerAll(sheet);
  ASSERT_FALSE(run.items[0].sources.empty());
  ASSERT_FALSE(run.items[1].sources.empty());
  // Precondition: both find the backup entry.
  ASSERT_EQ(run.items[0].sources[0].answer, run.items[1].sources[0].answer);
  for (const ItemResult& r : run.items) {
    EXPECT_EQ(r.evidence.shared_best, 0) << r.question;
    EXPECT_TRUE(r.evidence.strongest_claim) << r.question;
  }

  EngineOptions strict;
  strict.same_question_similarity = 1.01;
  auto strict_engine = MakeEngine(StandardLibrary(), strict);
  AnswerRun strict_run = strict_engine->AnswerAll(sheet);
  EXPECT_EQ(strict_run.items[0].evidence.shared_best, 1);
  EXPECT_EQ(
      strict_run.items[0].evidence.strongest_claim + strict_run.items[1].evidence.strongest_claim,
      1);
}

// A library sheet in topic order: filler rows around two neighbouring entries, so that the
// test controls which entries sit together.
std::vector<sheet::Item> TopicOrderedLibrary(size_t spoofing_row) {
  std::vector<sheet::Item> items;
  for (size_t i = 0; i < 20; ++i) {
    const std::string n = std::to_string(i);
    items.push_back(MakeItem("会議室" + n + "の予約方法と備品" + n + "の貸出",
                             "総務部が台帳" + n + "で管理しています。"));
  }
  items[10] = MakeItem("通信の暗号化の有無と方式", "TLS1.2以上で暗号化しています。");
  items[spoofing_row] =
      MakeItem("第三者によるなりすましサイトへの対策の有無と、「有り」の場合はその方法",
               "EV証明書を導入し、ドメインを監視しています。");
  return items;
}

// An item whose best source sits beside the source of a confidently answered neighbour gains
// confidence (checklists and libraries keep topics together); the same match with its source
// far from the neighbour's gains nothing.
TEST_F(EngineTest, NeighbourAnsweredFromTheNextEntrySupportsAnItem) {
  sheet::Questionnaire sheet;
  sheet.path = "incoming.csv";
  sheet.items = {
      MakeItem("通信の暗号化の有無と方式", ""),
      MakeItem("利用者を偽サイトへ誘導するなりすましを防ぐためのサーバ証明書の利用", "")};
  EngineOptions options;
  for (size_t row : {11u, 19u}) {
    auto engine = MakeEngine(TopicOrderedLibrary(row), options);
    const ItemResult alone = engine->Answer(sheet.items[1]);
    AnswerRun run = engine->AnswerAll(sheet);
    ASSERT_FALSE(alone.sources.empty());
    ASSERT_FALSE(run.items[1].sources.empty());
    // Preconditions: the neighbour is sure of its entry, the item finds the spoofing entry.
    ASSERT_GE(run.items[0].confidence, options.answer_threshold);
    ASSERT_NE(run.items[1].sources[0].answer.find("EV証明書"), std::string::npos);
    const Evidence& e = run.items[1].evidence;
    if (row == 11) {
      EXPECT_GT(e.neighbour_support, 0.0);
      EXPECT_EQ(e.neighbour_id, run.items[0].id);
      EXPECT_NE(run.items[1].reason.find(run.items[0].id + " nearby"), std::string::npos)
          << run.items[1].reason;
      EXPECT_GT(run.items[1].confidence, alone.confidence);
      EXPECT_NEAR(run.items[1].confidence,
                  alone.confidence +
                      (1 - alone.confidence) * options.neighbour_weight * e.neighbour_support,
                  1e-9);
    } else {
      EXPECT_EQ(e.neighbour_support, 0.0);
      EXPECT_TRUE(e.neighbour_id.empty());
      EXPECT_DOUBLE_EQ(run.items[1].confidence, alone.confidence);
    }
  }
}

// Support needs the two sources in one library document and the two items on one sheet: the
// entries of two files, or the rows of two worksheets, keep no common order.
TEST_F(EngineTest, NeighboursSupportWithinOneDocumentAndOneSheet) {
  const sheet::Item encryption = MakeItem("通信の暗号化の有無と方式", "");
  const sheet::Item spoofing =
      MakeItem("利用者を偽サイトへ誘導するなりすましを防ぐためのサーバ証明書の利用", "");
  auto vocabulary = text::Vocabulary::Parse(kVocabulary, "test-vocabulary");
  ASSERT_TRUE(vocabulary.ok());
  // The two entries are consecutive in the library but come from two files.
  std::vector<sheet::Item> rows = TopicOrderedLibrary(11);
  sheet::Questionnaire first, second;
  first.items.assign(rows.begin(), rows.begin() + 11);
  second.items.assign(rows.begin() + 11, rows.end());
  Library library;
  library.Add("first.csv", first);
  library.Add("second.csv", second);
  auto two_files =
      Engine::Create(std::move(library), std::make_shared<const text::Vocabulary>(*vocabulary));
  ASSERT_TRUE(two_files.ok());
  sheet::Questionnaire sheet;
  sheet.path = "incoming.xlsx";
  sheet.items = {encryption, spoofing};
  AnswerRun run = (*two_files)->AnswerAll(sheet);
  ASSERT_NE(run.items[1].sources[0].answer.find("EV証明書"), std::string::npos);
  EXPECT_EQ(run.items[1].evidence.neighbour_support, 0.0);

  auto one_file = MakeEngine(TopicOrderedLibrary(11));
  EXPECT_GT(one_file->AnswerAll(sheet).items[1].evidence.neighbour_support, 0.0);
  sheet.items[1].sheet = "Other";
  EXPECT_EQ(one_file->AnswerAll(sheet).items[1].evidence.neighbour_support, 0.0);
}

// Neighbours that are themselves unsure, or too many rows away, support nothing.
TEST_F(EngineTest, UnsureOrDistantNeighboursSupportNothing) {
  auto engine = MakeEngine(TopicOrderedLibrary(11));
  const sheet::Item spoofing =
      MakeItem("利用者を偽サイトへ誘導するなりすましを防ぐためのサーバ証明書の利用", "");
  const sheet::Item unsure = MakeItem("暗号化に用いる鍵の保管場所と鍵管理の責任者及び更新周期", "");
  sheet::Questionnaire sheet;
  sheet.path = "incoming.csv";
  sheet.items = {unsure, spoofing};
  AnswerRun run = engine->AnswerAll(sheet);
  ASSERT_FALSE(run.items[0].sources.empty());
  ASSERT_NE(run.items[0].sources[0].answer.find("TLS"), std::string::npos);
  ASSERT_LT(run.items[0].confidence, EngineOptions().answer_threshold);
  EXPECT_EQ(run.items[1].evidence.neighbour_support, 0.0);

  sheet.items = {MakeItem("通信の暗号化の有無と方式", ""), MakeItem("予定表", ""),
                 MakeItem("議事録", ""), spoofing};
  EngineOptions near_only;
  near_only.neighbour_items = 2;
  run = MakeEngine(TopicOrderedLibrary(11), near_only)->AnswerAll(sheet);
  EXPECT_EQ(run.items[3].evidence.neighbour_support, 0.0);
  near_only.neighbour_items = 3;
  run = MakeEngine(TopicOrderedLibrary(11), near_only)->AnswerAll(sheet);
  EXPECT_GT(run.items[3].evidence.neighbour_support, 0.0);
}

// The index does not depend on how many threads analysed the library.
TEST(EngineBuild, ThreadsBuildTheSameIndex) {
  const char* topics[] = {"バックアップ", "多要素認証", "暗号化", "ログ", "時刻同期", "委託先"};
  const char* aspects[] = {"の頻度", "の方法", "の有無", "の保存期間", "の責任者"};
  sheet::Questionnaire q;
  q.path = "library.csv";
  for (int i = 0; i < 900; ++i) {
    const std::string topic = topics[i % 6];
    q.items.push_back(
        MakeItem(topic + aspects[(i / 6) % 5] + "について（" + std::to_string(i) + "）",
                 topic + "は" + std::to_string(i % 7 + 1) + "世代保管しています。", {topic}));
  }
  auto vocabulary = text::Vocabulary::Parse(kVocabulary, "test-vocabulary");
  ASSERT_TRUE(vocabulary.ok());
  auto shared = std::make_shared<const text::Vocabulary>(*vocabulary);
  auto build = [&](size_t threads) {
    Library library;
    library.Add("library.csv", q);
    EngineOptions options;
    options.build_threads = threads;
    options.entries_per_build_thread = 1;
    auto engine = Engine::Create(std::move(library), shared, options);
    EXPECT_TRUE(engine.ok());
    return std::move(engine).value();
  };
  auto one = build(1);
  auto four = build(4);
  EXPECT_EQ(one->IndexMemoryBytes(), four->IndexMemoryBytes());
  for (const char* question : {"バックアップの保存期間", "二要素認証の方法",
                               "How many backup generations are kept?", "委託先の責任者"}) {
    const ItemResult a = one->Answer(MakeItem(question, ""));
    const ItemResult b = four->Answer(MakeItem(question, ""));
    EXPECT_EQ(a.status, b.status) << question;
    EXPECT_DOUBLE_EQ(a.confidence, b.confidence) << question;
    ASSERT_EQ(a.sources.size(), b.sources.size()) << question;
    ASSERT_FALSE(a.sources.empty()) << question;
    for (size_t i = 0; i < a.sources.size(); ++i) {
      EXPECT_EQ(a.sources[i].question, b.sources[i].question) << question;
      EXPECT_EQ(a.sources[i].answer, b.sources[i].answer) << question;
      EXPECT_DOUBLE_EQ(a.sources[i].score, b.sources[i].score) << question;
    }
  }
}

TEST(EngineOptions, SetByNameFromText) {
  EngineOptions options;
  ASSERT_TRUE(SetEngineOption(&options, "title_boost", "2.5").ok());
  EXPECT_FLOAT_EQ(options.title_boost, 2.5f);
  ASSERT_TRUE(SetEngineOption(&options, "bm25.weight.answer", "0.25").ok());
  EXPECT_FLOAT_EQ(options.bm25.weight[kFieldAnswer], 0.25f);
  ASSERT_TRUE(SetEngineOption(&options, "max_sources", "3").ok());
  EXPECT_EQ(options.max_sources, 3u);

  EXPECT_EQ(SetEngineOption(&options, "no_such_option", "1").code(), StatusCode::kInvalidInput);
  EXPECT_EQ(SetEngineOption(&options, "title_boost", "abc").code(), StatusCode::kInvalidInput);
  EXPECT_EQ(SetEngineOption(&options, "title_boost", "1.5x").code(), StatusCode::kInvalidInput);
  EXPECT_EQ(SetEngineOption(&options, "title_boost", "-1").code(), StatusCode::kInvalidInput);
  EXPECT_EQ(SetEngineOption(&options, "title_boost", "").code(), StatusCode::kInvalidInput);
  EXPECT_FLOAT_EQ(options.title_boost, 2.5f);  // failed calls change nothing

  // Every listed name is settable.
  const std::vector<std::string> names = EngineOptionNames();
  EXPECT_GE(names.size(), 20u);
  for (const std::string& name : names) {
    EXPECT_TRUE(SetEngineOption(&options, name, "1").ok()) << name;
  }
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
