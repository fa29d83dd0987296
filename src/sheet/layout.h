// Layout detection: turns a grid into questionnaire items.
//
// Finds the header row(s) below any title rows, assigns column roles (item number,
// category/section, question, detail/requirement, unit, answer/choice, remarks), carries
// section rows and categories (given once, merged, or left blank below) into every item under
// them, and handles continuation rows (a row without a number that carries its own question
// and answer becomes its own item with the parent's headings; a row with only answer text
// extends the previous answer). Repeated page headers are skipped. A grid with no table
// (an instruction sheet) yields no items. Stateless and thread-safe.
#pragma once

#include <vector>

#include "base/status.h"
#include "sheet/grid.h"
#include "sheet/model.h"
#include "sheet/reader.h"

namespace kotae::sheet {

// Items of one grid. Overrides in `options` (header_row, question_col, answer_col) take
// precedence over detection. Fails with kInvalidInput only when an override is inconsistent
// with the grid (e.g. a header row past the end).
Result<std::vector<Item>> DetectItems(const Grid& grid, const ReadOptions& options);

}  // namespace kotae::sheet
