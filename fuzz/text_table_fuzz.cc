// libFuzzer entry: arbitrary bytes as a text table, then layout detection. Neither may crash,
// abort or run away; errors must come back as a Status.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sheet/layout.h"
#include "sheet/text_table_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kotae::sheet::LooksLikeTextTable(text);
  kotae::Result<kotae::sheet::Grid> grid = kotae::sheet::ReadTextTable(text, "fuzz.txt");
  if (!grid.ok()) return 0;
  kotae::Result<std::vector<kotae::sheet::Item>> items =
      kotae::sheet::DetectItems(*grid, kotae::sheet::ReadOptions{});
  (void)items;
  return 0;
}
