#include "answer/run_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kotae::answer {
namespace {

TEST(RunToJson, FollowsTheContract) {
  AnswerRun run;
  run.questionnaire_path = "in.xlsx";
  run.library_paths = {"lib.txt"};
  ItemResult item;
  item.id = "チェックシート!R12";
  item.question = "バックアップ";
  item.status = Status::kNeedsReview;
  item.answer = "日次";
  item.choice = "有り";
  item.confidence = 0.123456;
  Source s{"lib.txt", "lib!R3", "バックアップ取得", "日次", 1.5, {"バックアップ"}};
  item.sources = {s};
  item.evidence.found = true;
  item.evidence.coverage = 0.456789;
  item.evidence.shared_best = 2;
  item.evidence.strongest_claim = false;
  item.evidence.neighbour_support = 0.123456;
  item.evidence.neighbour_id = "Sheet!R7";
  run.items = {item, ItemResult{}};

  const auto j = nlohmann::json::parse(RunToJson(run));
  EXPECT_EQ(j["questionnaire"]["path"], "in.xlsx");
  EXPECT_EQ(j["questionnaire"]["items"], 2);
  ASSERT_EQ(j["items"].size(), 2u);
  const auto& first = j["items"][0];
  EXPECT_EQ(first["id"], "チェックシート!R12");
  EXPECT_EQ(first["status"], "needs_review");
  EXPECT_EQ(first["answer"], "日次");
  EXPECT_EQ(first["choice"], "有り");
  EXPECT_DOUBLE_EQ(first["confidence"].get<double>(), 0.1235);
  ASSERT_EQ(first["sources"].size(), 1u);
  for (const char* key : {"doc", "locator", "question", "answer", "score"}) {
    EXPECT_TRUE(first["sources"][0].contains(key)) << key;
  }
  EXPECT_EQ(j["items"][1]["status"], "no_match");
  // What the confidence rests on goes with the item; an item that found nothing has none.
  ASSERT_TRUE(first.contains("evidence"));
  EXPECT_DOUBLE_EQ(first["evidence"]["coverage"].get<double>(), 0.4568);
  EXPECT_EQ(first["evidence"]["shared_best"], 2);
  EXPECT_EQ(first["evidence"]["strongest_claim"], false);
  EXPECT_DOUBLE_EQ(first["evidence"]["neighbour_support"].get<double>(), 0.1235);
  EXPECT_EQ(first["evidence"]["neighbour"], "Sheet!R7");
  EXPECT_FALSE(j["items"][1].contains("evidence"));
}

TEST(RunToJson, InvalidUtf8IsReplacedNotThrown) {
  AnswerRun run;
  ItemResult item;
  item.question = std::string("bad \xff\xfe bytes");
  run.items = {item};
  const std::string out = RunToJson(run);
  nlohmann::json parsed;
  EXPECT_NO_THROW(parsed = nlohmann::json::parse(out));
  EXPECT_TRUE(parsed.is_object());
}

}  // namespace
}  // namespace kotae::answer
