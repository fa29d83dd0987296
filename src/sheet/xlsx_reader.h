// Reads the worksheets of an xlsx workbook (ECMA-376 SpreadsheetML) into grids.
//
// Handles shared and inline strings (with rich-text runs), numbers, booleans, formula cells
// (their cached value), hidden rows and sheets, merged cells and list data validations
// (inline lists, cell ranges, defined names, and the x14 extension form). XML with a DTD or
// entity declarations is refused. Stateless and thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "sheet/grid.h"

namespace kotae::sheet {

// `data` is the whole file, `name` the path used in messages. Every worksheet becomes one Grid,
// in workbook order (chart sheets and dialog sheets are skipped).
Result<std::vector<Grid>> ReadXlsx(std::string data, const std::string& name);

}  // namespace kotae::sheet
