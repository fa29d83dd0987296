// Building the answer engine over a large library: BM_EngineCreate/<entries>/<threads>.
// The one-thread run is the baseline of the multi-threaded one in the same process; the
// library is generated (topics × aspects × scopes, like a vendor's merged answer library).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "answer/engine.h"
#include "text/vocabulary.h"

namespace {

kotae::sheet::Questionnaire GeneratedLibrary(size_t entries) {
  const char* topics[] = {"バックアップ", "多要素認証", "パスワード", "暗号化",   "ログ",
                          "アクセス権",   "脆弱性診断", "委託先",     "時刻同期", "障害通知"};
  const char* aspects[] = {"の実施状況", "の頻度", "の方法", "の有無", "の保存期間", "の手順"};
  const char* scopes[] = {"本番環境における", "管理画面の", "利用者データの", "社内システムの"};
  const char* answers[] = {"有り", "日次で実施しています。", "TLS1.2以上で暗号化しています。",
                           "ISMSの手順に従い実施しています。", "90日間保存しています。"};
  kotae::sheet::Questionnaire q;
  q.path = "generated.csv";
  for (size_t i = 0; i < entries; ++i) {
    kotae::sheet::Item item;
    const std::string topic = topics[i % 10];
    item.id = "generated.csv!R" + std::to_string(i + 2);
    item.question = std::string(scopes[(i / 10) % 4]) + topic + aspects[(i / 40) % 6] +
                    "について（" + std::to_string(i) + "）";
    item.question_parts = {item.question};
    item.sections = {topic};
    item.answer = std::string(answers[i % 5]) + topics[(i / 7) % 10];
    q.items.push_back(std::move(item));
  }
  return q;
}

void BM_EngineCreate(benchmark::State& state) {
  const auto questionnaire = GeneratedLibrary(static_cast<size_t>(state.range(0)));
  auto vocabulary = kotae::text::Vocabulary::Load(std::string(KOTAE_DATA_DIR) + "/vocabulary.tsv");
  if (!vocabulary.ok()) {
    state.SkipWithError("vocabulary not found");
    return;
  }
  auto shared = std::make_shared<const kotae::text::Vocabulary>(std::move(vocabulary).value());
  kotae::answer::EngineOptions options;
  options.build_threads = static_cast<size_t>(state.range(1));
  for (auto _ : state) {
    kotae::answer::Library library;
    library.Add(questionnaire.path, questionnaire);
    auto engine = kotae::answer::Engine::Create(std::move(library), shared, options);
    if (!engine.ok()) {
      state.SkipWithError("engine failed to start");
      return;
    }
    benchmark::DoNotOptimize(engine);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EngineCreate)
    ->Args({20000, 1})
    ->Args({20000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
