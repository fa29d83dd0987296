// libFuzzer entry for the CSV/TSV reader: any bytes must give a grid or a one-line
// kInvalidInput error, never a crash, hang or unbounded allocation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.h"
#include "sheet/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const char* name = size % 2 == 0 ? "fuzz.csv" : "fuzz.tsv";
  auto result = kotae::sheet::ReadDelimited(bytes, name);
  if (!result.ok()) {
    kotae::fuzz::TrapUnlessOneLineNaming(result.status().message(), name);
    return 0;
  }
  // The limits the reader promises hold for whatever it returns.
  for (const auto& row : result->grid.rows) {
    for (const auto& cell : row) {
      if (cell.size() > kotae::sheet::kMaxCellBytes) __builtin_trap();
      kotae::fuzz::TrapUnlessUtf8(cell);  // whatever the input encoding
    }
  }
  return 0;
}
