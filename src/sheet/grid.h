// Grid: one table of cell text as a reader found it — a worksheet, a CSV/TSV file or a
// tab-separated text table — before any layout is inferred. Readers produce grids; the layout
// detector (layout.h) turns a grid into questionnaire items.
//
// A Grid is a plain value, owned by whoever holds it; not thread-safe to mutate concurrently.
#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace kotae::sheet {

// A rectangle of cells, 0-based, both ends inclusive.
struct CellRange {
  int first_row = 0;
  int first_col = 0;
  int last_row = 0;
  int last_col = 0;
  bool Contains(int row, int col) const {
    return row >= first_row && row <= last_row && col >= first_col && col <= last_col;
  }
};

// A list data validation (dropdown): the cells it covers and the values it offers.
struct ListValidation {
  std::vector<CellRange> ranges;
  std::vector<std::string> options;
};

// A cell whose text is the value a formula saved (xlsx only). `sheet` is the first other
// sheet the formula names ("" when it names none): a report that repeats another sheet's
// questions through formulas is told apart from the sheet that holds them this way.
struct FormulaCell {
  int row = 0;
  int col = 0;
  std::string sheet;
  bool operator<(const FormulaCell& o) const { return std::tie(row, col) < std::tie(o.row, o.col); }
};

struct Grid {
  // Worksheet name; for CSV and text files the file's base name.
  std::string name;
  // rows[r][c] is the text of the cell at 0-based row r, column c. Row r is the sheet's row
  // r+1 (xlsx), the (r+1)-th record (CSV) or the (r+1)-th line (text table). Rows may be
  // ragged and empty; text is UTF-8 with cell-internal line breaks kept as '\n'.
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> hidden_rows;  // same length as rows, or empty when nothing is hidden
  std::vector<CellRange> merges;  // merged areas; only the top-left cell holds the text
  std::vector<ListValidation> validations;
  bool hidden_sheet = false;
  std::vector<FormulaCell> formulas;  // sorted by (row, col); empty for CSV and text

  // The formula cell at (row, col), or nullptr when the cell holds a plain value.
  const FormulaCell* FormulaAt(int row, int col) const {
    FormulaCell key;
    key.row = row;
    key.col = col;
    auto it = std::lower_bound(formulas.begin(), formulas.end(), key);
    if (it == formulas.end() || it->row != row || it->col != col) return nullptr;
    return &*it;
  }

  const std::string& At(int row, int col) const {
    static const std::string kEmpty;
    if (row < 0 || row >= static_cast<int>(rows.size())) return kEmpty;
    const auto& r = rows[static_cast<size_t>(row)];
    if (col < 0 || col >= static_cast<int>(r.size())) return kEmpty;
    return r[static_cast<size_t>(col)];
  }
  bool RowHidden(int row) const {
    return row >= 0 && row < static_cast<int>(hidden_rows.size()) &&
           hidden_rows[static_cast<size_t>(row)];
  }
  // Options of the list validation covering (row, col), or nullptr.
  const std::vector<std::string>* OptionsAt(int row, int col) const {
    for (const auto& v : validations) {
      for (const auto& r : v.ranges) {
        if (r.Contains(row, col)) return &v.options;
      }
    }
    return nullptr;
  }
};

// "A" -> 0, "AB" -> 27; -1 if not a column name.
int ColumnIndex(const std::string& letters);
// 0 -> "A", 27 -> "AB".
std::string ColumnName(int index);

}  // namespace kotae::sheet
