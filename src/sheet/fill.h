// Writing answers back into the customer's own file.
//
// FillXlsx copies the original workbook and changes only the cells named in `fills` (plus the
// shared strings, styles and comments parts that those changes need); every other zip part is
// copied byte for byte. FillDelimited writes a CSV/TSV back in the input's own delimiter and
// encoding with the answer column filled; text tables come back as CSV (UTF-8).
//
// Both refuse an output path that is the input, write to a temporary file and rename it, and
// leave no partial output on failure. Stateless and thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace kotae::sheet {

struct CellFill {
  std::string sheet;      // grid name (Item::sheet)
  int row = 0;            // 0-based grid row (Item::row)
  int answer_col = -1;    // where `answer` goes; -1 = nowhere
  int choice_col = -1;    // where `choice` goes; -1 = nowhere
  int remarks_col = -1;   // where `note` goes when there is no comment support; -1 = nowhere
  std::string answer;
  std::string choice;
  std::string note;          // reviewer note (sources); becomes a cell comment in xlsx
  bool needs_review = false; // mark the cells so a person sees them (fill colour)
};

Status FillXlsx(const std::string& input_path, const std::string& output_path,
                const std::vector<CellFill>& fills);

// Works for CSV, TSV and text-table inputs (see above).
Status FillDelimited(const std::string& input_path, const std::string& output_path,
                     const std::vector<CellFill>& fills);

// Prefixes a cell value that a spreadsheet would evaluate as a formula (it starts with
// = + - @, a tab or a carriage return) with an apostrophe.
std::string NeutralizeFormula(const std::string& value);

}  // namespace kotae::sheet
