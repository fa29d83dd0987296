// Retrieval quality gate: runs `kotae answer` on the dev tasks of ../shared/eval and on the
// project's held-out task (eval/, never used for tuning) and scores the runs with the shared
// scorer, failing when a change makes ranking or decisions worse.
//
// The dev floors are the product targets (meti_from_mic top1 0.85, recall@3 0.95,
// auto_precision 0.95 with auto_coverage 0.60, abstain_ok 0.90; english_from_monocone top1
// 0.80, recall@3 0.90). meti_from_mic meets its coverage target by one item (28 of 46).
// The floors of the project's dev tasks (eval/dev) and held-out tasks (eval/) are today's
// figures rounded down.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;

std::string Shared(const std::string& rel) { return std::string(KOTAE_SHARED_DIR) + "/" + rel; }

fs::path Seed(const std::string& prefix) {
  for (const auto& e : fs::directory_iterator(Shared("corpus/seeds"))) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
  }
  return {};
}

// `gold` is a path relative to ../shared unless it is absolute.
nlohmann::json RunAndScore(const std::string& sheet, const std::vector<fs::path>& library,
                           const std::string& gold, const std::string& name) {
  const fs::path out = fs::temp_directory_path() /
                       ("kotae_gate_" + std::to_string(::getpid()) + "_" + name + ".json");
  std::string command = std::string(KOTAE_BINARY) + " answer --quiet '" + sheet + "'";
  for (const fs::path& l : library) command += " --library '" + l.string() + "'";
  command += " --json '" + out.string() + "' 2>&1";
  const kotae::test::CommandResult answer_run = kotae::test::RunShell(command);
  EXPECT_EQ(answer_run.exit_code, 0) << answer_run.out;
  const kotae::test::CommandResult score_run =
      kotae::test::RunShell("python3 '" + Shared("eval/score.py") + "' --json '" + out.string() +
                            "' '" + (fs::path(gold).is_absolute() ? gold : Shared(gold)) + "'");
  const std::string& scored = score_run.out;
  EXPECT_EQ(score_run.exit_code, 0) << scored << score_run.err;
  std::printf("%s: %s", name.c_str(), scored.c_str());
  return nlohmann::json::parse(scored, nullptr, /*allow_exceptions=*/false);
}

class QualityGate : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(Shared("eval/score.py")) || !fs::exists(Shared("corpus/seeds"))) {
      GTEST_SKIP() << "../shared (corpus and eval) not present: quality gate skipped";
    }
  }
};

fs::path EvalDir() { return fs::path(KOTAE_DATA_DIR) / ".." / "eval"; }

// One task: the sheet, its library, the gold file and the floor of each figure.
struct GateTask {
  std::string name;
  std::function<std::string()> sheet;
  std::function<std::vector<fs::path>()> library;
  std::function<std::string()> gold;  // relative to ../shared, or absolute
  std::vector<std::pair<std::string, double>> floors;
};

void PrintTo(const GateTask& task, std::ostream* os) { *os << task.name; }

std::vector<GateTask> Tasks() {
  return {
      {"meti_from_mic",
       [] { return Seed("001_").string(); },
       [] { return std::vector<fs::path>{Seed("000_")}; },
       [] { return std::string("eval/dev/meti_from_mic.jsonl"); },
       {{"top1", 0.85},
        {"recall@3", 0.95},
        {"auto_precision", 0.95},
        {"auto_coverage", 0.60},
        {"abstain_ok", 0.90}}},
      {"english_from_monocone",
       [] { return Shared("corpus/xlsx/english_questionnaire_blank.xlsx"); },
       [] {
         return std::vector<fs::path>{Seed("000_"), Seed("001_")};
       },
       [] { return std::string("eval/dev/english_from_monocone.jsonl"); },
       {{"top1", 0.80}, {"recall@3", 0.90}, {"auto_precision", 0.80}, {"abstain_ok", 0.60}}},
      // The project's own dev tasks (eval/dev, labelled blind): an SLA-guideline sheet against
      // the MIC disclosure sheet, and an English questionnaire and the METI sheet against a
      // prose policy, where most METI requirements have no answer. Floors: today's figures
      // rounded down.
      {"sla_from_mic",
       [] { return Shared("corpus/xlsx/sla_checksheet_blank.xlsx"); },
       [] { return std::vector<fs::path>{Seed("000_")}; },
       [] { return (EvalDir() / "dev" / "sla_from_mic.jsonl").string(); },
       {{"top1", 0.74}, {"recall@3", 0.90}, {"auto_precision", 0.65}, {"abstain_ok", 0.75}}},
      {"english_from_policy",
       [] { return Shared("corpus/xlsx/english_questionnaire_blank.xlsx"); },
       [] { return std::vector<fs::path>{Seed("002_")}; },
       [] { return (EvalDir() / "dev" / "english_from_policy.jsonl").string(); },
       {{"top1", 0.83}, {"recall@3", 0.83}, {"auto_precision", 0.70}, {"abstain_ok", 0.90}}},
      {"meti_from_policy",
       [] { return Seed("001_").string(); },
       [] { return std::vector<fs::path>{Seed("002_")}; },
       [] { return (EvalDir() / "dev" / "meti_from_policy.jsonl").string(); },
       {{"top1", 0.74}, {"recall@3", 0.88}, {"auto_precision", 0.50}, {"abstain_ok", 0.85}}},
      // Held out (eval/README.md): an ISO/IEC 27017 checklist answered from a MIC disclosure
      // sheet and from a prose policy, and English vendor-questionnaire wording against a
      // Japanese library. No weight, threshold or vocabulary form was chosen by looking at their
      // rows; their aggregate figures were printed beside the dev figures when the decision
      // thresholds of 2026-12 were compared, so they are no longer blind to that choice.
      {"heldout_iso27017_from_mic",
       [] { return Seed("004_").string(); },
       [] { return std::vector<fs::path>{Seed("000_")}; },
       [] { return (EvalDir() / "heldout_iso27017_from_mic.jsonl").string(); },
       {{"top1", 0.85}, {"recall@3", 0.95}, {"auto_precision", 0.90}, {"abstain_ok", 0.80}}},
      {"heldout_iso27017_from_policy",
       [] { return Seed("004_").string(); },
       [] { return std::vector<fs::path>{Seed("002_")}; },
       [] { return (EvalDir() / "heldout_iso27017_from_policy.jsonl").string(); },
       {{"top1", 0.75}, {"recall@3", 0.90}, {"auto_precision", 0.70}, {"abstain_ok", 0.80}}},
      {"heldout_english_from_mic",
       [] { return (EvalDir() / "english_vendor_questionnaire.csv").string(); },
       [] { return std::vector<fs::path>{Seed("000_")}; },
       [] { return (EvalDir() / "heldout_english_from_mic.jsonl").string(); },
       {{"top1", 0.88}, {"recall@3", 0.95}, {"auto_precision", 0.90}, {"abstain_ok", 0.60}}},
  };
}

class QualityGateTask : public QualityGate, public ::testing::WithParamInterface<GateTask> {};

TEST_P(QualityGateTask, MeetsItsFloors) {
  const GateTask& task = GetParam();
  const auto score = RunAndScore(task.sheet(), task.library(), task.gold(), task.name);
  ASSERT_TRUE(score.is_object());
  EXPECT_EQ(score["found"], score["rows"]) << "some gold questions were not parsed";
  for (const auto& [figure, floor] : task.floors) {
    ASSERT_TRUE(score.contains(figure)) << figure;
    EXPECT_GE(score[figure].get<double>(), floor) << task.name << " " << figure;
  }
}

INSTANTIATE_TEST_SUITE_P(Tasks, QualityGateTask, ::testing::ValuesIn(Tasks()),
                         [](const ::testing::TestParamInfo<GateTask>& info) {
                           return info.param.name;
                         });

}  // namespace
