// Layout detection speed on a synthetic check sheet: a title, a header, section rows every 20
// items, a continuation row every 7 items, repeated headers every 50 rows.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sheet/layout.h"
#include "sheet/text_table_reader.h"

namespace {

std::string SyntheticTable(int items) {
  std::string text = "セキュリティチェックシート\n\nNo.\t分類\t質問\t回答\t備考\n";
  for (int i = 1; i <= items; ++i) {
    if (i % 20 == 1) text += std::to_string(i / 20 + 1) + ". 管理策グループ\n";
    if (i % 50 == 0) text += "No.\t分類\t質問\t回答\t備考\n";
    text += std::to_string(i) + "\tアクセス管理\t利用者の認証に多要素認証を用いていますか（項目" +
            std::to_string(i) + "）\tはい、管理者と利用者の全員に必須としています\t\n";
    if (i % 7 == 0) text += "\t\t認証ログは保存していますか\t一年間保存\t\n";
  }
  return text;
}

void BM_DetectItems(benchmark::State& state) {
  std::string text = SyntheticTable(static_cast<int>(state.range(0)));
  kotae::Result<kotae::sheet::Grid> grid = kotae::sheet::ReadTextTable(text, "bench.txt");
  for (auto _ : state) {
    auto items = kotae::sheet::DetectItems(*grid, kotae::sheet::ReadOptions{});
    benchmark::DoNotOptimize(items);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DetectItems)->Arg(100)->Arg(1000)->Arg(10000);

void BM_ReadTextTable(benchmark::State& state) {
  std::string text = SyntheticTable(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto grid = kotae::sheet::ReadTextTable(text, "bench.txt");
    benchmark::DoNotOptimize(grid);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadTextTable)->Arg(10000);

}  // namespace

BENCHMARK_MAIN();
