// Entry point for reading any check sheet or policy document into a Questionnaire.
//
// ReadQuestionnaire picks the reader by content and extension (xlsx/docx by zip signature,
// PDF by its header, CSV/TSV, tab-separated text tables, Markdown/plain prose), runs layout
// detection on every table it finds, and returns the items. Stateless and thread-safe.
#pragma once

#include <string>

#include "base/status.h"
#include "sheet/model.h"

namespace kotae::sheet {

// Manual overrides for the rare sheet whose layout detection goes wrong. Unset values mean
// "detect".
struct ReadOptions {
  std::string sheet;      // read only the sheet with this name
  int header_row = 0;     // 1-based row number of the (last) header row; 0 = detect
  int question_col = -1;  // 0-based column of the question text; -1 = detect
  int answer_col = -1;    // 0-based column of the answer; -1 = detect
};

Result<Questionnaire> ReadQuestionnaire(const std::string& path, const ReadOptions& options = {});

}  // namespace kotae::sheet
