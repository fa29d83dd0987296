// libFuzzer entry for the CSV/TSV reader: any bytes must give a grid or a one-line
// kInvalidInput error, never a crash, hang or unbounded allocation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sheet/csv_reader.h"
#include "text/normalize_internal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto result = kotae::sheet::ReadDelimited(bytes, size % 2 == 0 ? "fuzz.csv" : "fuzz.tsv");
  if (!result.ok()) {
    const std::string& message = result.status().message();
    if (message.find('\n') != std::string::npos || message.rfind("fuzz.", 0) != 0) {
      __builtin_trap();  // errors must be one line naming the file
    }
    return 0;
  }
  // The limits the reader promises hold for whatever it returns.
  for (const auto& row : result->grid.rows) {
    for (const auto& cell : row) {
      if (cell.size() > kotae::sheet::kMaxCellBytes) __builtin_trap();
      // Whatever the encoding, cells come out as UTF-8 (they go into the run JSON).
      if (!kotae::text::internal::IsValidUtf8(cell)) __builtin_trap();
    }
  }
  return 0;
}
