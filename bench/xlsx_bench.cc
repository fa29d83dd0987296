// xlsx throughput: ReadXlsx on a generated 50,000-row questionnaire (rows/s and MB/s of the
// file), and FillXlsx writing 5,000 answers into a copy of it.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sheet/fill.h"
#include "sheet/xlsx_builder.h"
#include "sheet/xlsx_reader.h"

namespace {

using kotae::sheet::testing::SheetSpec;
using kotae::sheet::testing::WorkbookSpec;

// Rows of: number, category (shared string), question (shared string), answer cell with a
// dropdown, remarks. Shared strings are unique per row, as in real check sheets.
std::string Workbook(int rows) {
  WorkbookSpec spec;
  std::string data = "<sheetData>";
  for (int r = 1; r <= rows; ++r) {
    const std::string n = std::to_string(r);
    spec.shared_strings += "<si><t>アクセス制御 " + n +
                           "</t></si><si><t>Do you encrypt backups of " +
                           "customer data at rest (item " + n + ")?</t></si>";
    data += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + n + "</v></c><c r=\"B" + n +
            "\" t=\"s\"><v>" + std::to_string(2 * (r - 1)) + "</v></c><c r=\"C" + n +
            "\" t=\"s\"><v>" + std::to_string(2 * (r - 1) + 1) + "</v></c><c r=\"D" + n +
            "\" s=\"1\"/><c r=\"E" + n + "\" s=\"1\"/></row>";
  }
  data += "</sheetData><dataValidations count=\"1\"><dataValidation type=\"list\" sqref=\"D1:D" +
          std::to_string(rows) +
          "\"><formula1>\"Yes,No,N/A\"</formula1></dataValidation>"
          "</dataValidations>";
  spec.sheets.push_back(SheetSpec("Questions", data));
  return spec.Zip();
}

void BM_ReadXlsx(benchmark::State& state) {
  const int rows = static_cast<int>(state.range(0));
  const std::string bytes = Workbook(rows);
  for (auto _ : state) {
    auto grids = kotae::sheet::ReadXlsx(bytes, "bench.xlsx");
    if (!grids.ok()) state.SkipWithError(grids.status().message().c_str());
    benchmark::DoNotOptimize(grids);
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows) * state.iterations(),
                                                benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes.size()) * state.iterations());
}
BENCHMARK(BM_ReadXlsx)->Arg(50000)->Unit(benchmark::kMillisecond);

void BM_FillXlsx(benchmark::State& state) {
  const int fills_count = static_cast<int>(state.range(0));
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("kotae_xlsx_bench_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string in = (dir / "in.xlsx").string();
  const std::string out = (dir / "out.xlsx").string();
  std::ofstream(in, std::ios::binary) << Workbook(fills_count);
  std::vector<kotae::sheet::CellFill> fills;
  for (int r = 0; r < fills_count; ++r) {
    kotae::sheet::CellFill f;
    f.sheet = "Questions";
    f.row = r;
    f.answer_col = 4;
    f.choice_col = 3;
    f.answer = "Backups are encrypted with AES-256; keys are held in a managed KMS.";
    f.choice = "Yes";
    f.needs_review = r % 3 == 0;
    f.note = r % 10 == 0 ? "Source: backup policy §4.2" : "";
    fills.push_back(std::move(f));
  }
  for (auto _ : state) {
    kotae::Status s = kotae::sheet::FillXlsx(in, out, fills);
    if (!s.ok()) state.SkipWithError(s.message().c_str());
  }
  state.counters["rows/s"] = benchmark::Counter(
      static_cast<double>(fills_count) * state.iterations(), benchmark::Counter::kIsRate);
  fs::remove_all(dir);
}
BENCHMARK(BM_FillXlsx)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
