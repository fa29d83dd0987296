// ReadDelimited throughput on a generated 50,000-row check sheet with Japanese cells, in UTF-8
// and in Shift_JIS (which adds the ICU conversion). Reports rows/s and bytes/s.
#include <benchmark/benchmark.h>

#include <string>

#include "sheet/csv_reader.h"
#include "sheet/encoding.h"

namespace {

constexpr int kRows = 50'000;

// Rows look like a real sheet: number, category, question (some quoted with commas, doubled
// quotes or a line break), empty answer and remarks.
std::string MakeSheet() {
  std::string csv = "No,分類,質問,回答,備考\r\n";
  for (int i = 0; i < kRows; ++i) {
    std::string n = std::to_string(i + 1);
    csv += n + ",アクセス管理,";
    switch (i % 4) {
      case 0:
        csv += "利用者の認証に多要素認証を用いていますか" + n;
        break;
      case 1:
        csv += "\"パスワードは、8文字以上かつ英数記号を含む設定を強制していますか\"";
        break;
      case 2:
        csv += "\"管理者権限の付与は\"\"最小権限\"\"の原則に従っていますか\"";
        break;
      default:
        csv += "\"バックアップの取得頻度と\r\n保管世代数を記載してください\"";
        break;
    }
    csv += ",,\r\n";
  }
  return csv;
}

void BM_ReadDelimited(benchmark::State& state, kotae::sheet::Encoding encoding) {
  auto encoded = kotae::sheet::EncodeText(MakeSheet(), encoding);
  if (!encoded.ok()) {
    state.SkipWithError(encoded.status().message().c_str());
    return;
  }
  const std::string& bytes = *encoded;
  for (auto _ : state) {
    auto r = kotae::sheet::ReadDelimited(bytes, "bench.csv");
    if (!r.ok() || r->grid.rows.size() != kRows + 1) {
      state.SkipWithError("unexpected parse result");
      return;
    }
    benchmark::DoNotOptimize(r->grid.rows.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * kRows,
                                                benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_ReadDelimited, utf8, kotae::sheet::Encoding::kUtf8)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadDelimited, shift_jis, kotae::sheet::Encoding::kShiftJis)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
