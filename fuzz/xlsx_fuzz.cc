// libFuzzer entry for ReadXlsx: any byte string must yield grids or a one-line kInvalidInput,
// never a crash, hang or unbounded allocation. Seed it with the corpus workbooks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sheet/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kotae::Result<std::vector<kotae::sheet::Grid>> grids =
      kotae::sheet::ReadXlsx(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xlsx");
  if (!grids.ok() && grids.status().message().find('\n') != std::string::npos) __builtin_trap();
  return 0;
}
