// Throughput of the text module: Analyzer::Analyze on Japanese check-sheet text and
// Vocabulary::Match on normalised text. Uses the corpus seeds when ../shared is present,
// otherwise a generated Japanese text of similar shape.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "base/file.h"
#include "text/analyzer.h"
#include "text/vocabulary.h"

namespace {

std::string JapaneseText() {
  std::string all;
  const std::filesystem::path seeds = std::filesystem::path(KOTAE_SHARED_DIR) / "corpus/seeds";
  std::error_code ec;
  if (std::filesystem::is_directory(seeds, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(seeds, ec)) {
      if (entry.path().extension() != ".txt") continue;
      auto content = kotae::ReadFile(entry.path().string());
      if (content.ok()) all += *content;
    }
  }
  if (all.empty()) {
    const char* lines[] = {
        "1.1\t多要素認証（MFA）を設定することにより、なりすまし対策を行っていますか。\t有り\n",
        "1.2\tバックアップは何世代保管していますか。\t７世代、遠隔地に保管しています。\n",
        "2.1\tログの保存期間を教えてください。\tアクセスログは１年間保存します。\n",
        "2.2\tDo you encrypt customer data at rest?\tYes, AES-256.\n"};
    while (all.size() < 100000) {
      for (const char* l : lines) all += l;
    }
  }
  return all;
}

void BM_AnalyzeJapanese(benchmark::State& state) {
  const std::string text = JapaneseText();
  auto analyzer = kotae::text::Analyzer::Create();
  if (!analyzer.ok()) {
    state.SkipWithError(analyzer.status().message().c_str());
    return;
  }
  std::size_t tokens = 0;
  for (auto _ : state) {
    auto out = (*analyzer)->Analyze(text);
    tokens += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_AnalyzeJapanese)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const std::string text = JapaneseText();
  for (auto _ : state) benchmark::DoNotOptimize(kotae::text::Normalize(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_VocabularyMatch(benchmark::State& state) {
  auto vocab = kotae::text::Vocabulary::Load(std::string(KOTAE_DATA_DIR) + "/vocabulary.tsv");
  if (!vocab.ok()) {
    state.SkipWithError(vocab.status().message().c_str());
    return;
  }
  const std::string text = kotae::text::Normalize(JapaneseText());
  std::size_t matches = 0;
  for (auto _ : state) {
    auto out = vocab->Match(text);
    matches += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["matches"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_VocabularyMatch)->Unit(benchmark::kMicrosecond);

void BM_VocabularyLoad(benchmark::State& state) {
  const std::string path = std::string(KOTAE_DATA_DIR) + "/vocabulary.tsv";
  for (auto _ : state) {
    auto vocab = kotae::text::Vocabulary::Load(path);
    if (!vocab.ok()) {
      state.SkipWithError(vocab.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(vocab);
  }
}
BENCHMARK(BM_VocabularyLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
