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

// One grid's items and what ReadQuestionnaire needs to choose between the sheets of a
// workbook that repeat one another (a report or crosswalk repeating the question sheets).
struct GridItems {
  std::vector<Item> items;
  bool header_found = false;  // the layout came from a header row, not from column statistics
  // Per item, how clearly its row is the place where the question is answered: 4 for a
  // dropdown on its answer cell, 2 when its question cell is not a formula repeating another
  // sheet, 1 when a header names its answer column. Answer cells that formulas compute are
  // never an item's answer cells, and rows whose answer cells are all computed yield no item.
  std::vector<int> fillability;
};

Result<GridItems> DetectGridItems(const Grid& grid, const ReadOptions& options);

// Items of one grid (DetectGridItems without the workbook-level details). Overrides in `options`
// (header_row, question_col, answer_col) take precedence over detection. Fails with kInvalidInput
// only when an override is inconsistent with the grid (e.g. a header row past the end).
Result<std::vector<Item>> DetectItems(const Grid& grid, const ReadOptions& options);

}  // namespace kotae::sheet
