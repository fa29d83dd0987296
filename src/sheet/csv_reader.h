// Reads CSV/TSV files (RFC 4180 quoting, embedded newlines, doubled quotes) into one grid.
// The delimiter (comma, tab, semicolon) is sniffed from the first records. Stateless.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "sheet/encoding.h"
#include "sheet/grid.h"

namespace kotae::sheet {

struct DelimitedFile {
  Grid grid;
  char delimiter = ',';
  Encoding encoding = Encoding::kUtf8;
};

// `bytes` is the raw file (any supported encoding); `name` the path used in messages and the
// grid name (its base name). Fails on an unbalanced quote, over kMaxRecords records, or a cell
// over kMaxCellBytes.
inline constexpr size_t kMaxRecords = 1'000'000;
inline constexpr size_t kMaxCellBytes = 1u << 20;
Result<DelimitedFile> ReadDelimited(std::string_view bytes, const std::string& name);

}  // namespace kotae::sheet
