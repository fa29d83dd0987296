// Filling answers into CSV/TSV files and text tables.
//
// The file is re-read with the same readers the questionnaire came from, so fill rows are the
// same record indexes; the changed grid is written back in the input's delimiter and encoding.
// Text tables have no quoting of their own, so they come back as CSV (UTF-8 with a BOM, which
// is what makes Excel open UTF-8 CSV correctly).
#include <string>
#include <vector>

#include "base/file.h"
#include "sheet/csv_reader.h"
#include "sheet/encoding.h"
#include "sheet/fill.h"
#include "sheet/text_table_reader.h"

namespace kotae::sheet {
namespace {

// Same bound as the readers: a worksheet has 16,384 columns.
constexpr int kMaxFillColumn = 16'383;
constexpr std::string_view kReviewPrefix = "[要確認 / review] ";

bool NeedsQuotes(const std::string& cell, char delimiter) {
  for (char c : cell) {
    if (c == delimiter || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

void AppendCell(std::string& out, const std::string& cell, char delimiter) {
  if (!NeedsQuotes(cell, delimiter)) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string Serialize(const Grid& grid, char delimiter, std::string_view line_end) {
  std::string out;
  for (const auto& row : grid.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out.push_back(delimiter);
      AppendCell(out, row[c], delimiter);
    }
    out.append(line_end);
  }
  return out;
}

void SetCell(Grid& grid, int row, int col, const std::string& value) {
  auto& cells = grid.rows[static_cast<size_t>(row)];
  if (cells.size() <= static_cast<size_t>(col)) cells.resize(static_cast<size_t>(col) + 1);
  cells[static_cast<size_t>(col)] = NeutralizeFormula(value);
}

Status ApplyFills(Grid& grid, const std::vector<CellFill>& fills, const std::string& name) {
  for (const CellFill& fill : fills) {
    if (fill.row < 0 || static_cast<size_t>(fill.row) >= kMaxRecords) {
      return Status::InvalidInput(name + ": fill row " + std::to_string(fill.row) +
                                  " is out of range");
    }
    for (int col : {fill.answer_col, fill.choice_col, fill.remarks_col}) {
      if (col > kMaxFillColumn) {
        return Status::InvalidInput(name + ": fill column " + std::to_string(col) +
                                    " is out of range");
      }
    }
    if (grid.rows.size() <= static_cast<size_t>(fill.row)) {
      grid.rows.resize(static_cast<size_t>(fill.row) + 1);
    }
    // Empty values leave the cell as it was: a question kotae could not answer keeps whatever
    // the customer already wrote there.
    if (fill.answer_col >= 0 && !fill.answer.empty()) {
      SetCell(grid, fill.row, fill.answer_col, fill.answer);
    }
    if (fill.choice_col >= 0 && !fill.choice.empty()) {
      SetCell(grid, fill.row, fill.choice_col, fill.choice);
    }
    if (fill.remarks_col >= 0 && (fill.needs_review || !fill.note.empty())) {
      std::string remarks = fill.needs_review ? std::string(kReviewPrefix) + fill.note : fill.note;
      SetCell(grid, fill.row, fill.remarks_col, remarks);
    }
  }
  return Status::Ok();
}

}  // namespace

std::string NeutralizeFormula(const std::string& value) {
  if (value.empty()) return value;
  switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return "'" + value;
    default:
      return value;
  }
}

Status FillDelimited(const std::string& input_path, const std::string& output_path,
                     const std::vector<CellFill>& fills) {
  if (input_path == output_path || SameFile(input_path, output_path)) {
    return Status::InvalidInput(output_path +
                                ": output is the input file; choose another output path");
  }
  KOTAE_ASSIGN_OR_RETURN(std::string bytes, ReadFile(input_path));
  const std::string ext = FileExtension(input_path);

  Grid grid;
  char delimiter = ',';
  Encoding encoding = Encoding::kUtf8Bom;
  std::string_view line_end = "\r\n";
  // The reader is chosen as ReadQuestionnaire chose it (reader.cc), so fill rows mean the
  // same records: .csv/.tsv are delimited; other text is a tab table if it looks like one,
  // and otherwise was read as delimited text.
  KOTAE_ASSIGN_OR_RETURN(DecodedText text, DecodeText(bytes, input_path));
  if (ext != "csv" && ext != "tsv" && LooksLikeTextTable(text.utf8)) {
    KOTAE_ASSIGN_OR_RETURN(grid, ReadTextTable(text.utf8, input_path));
  } else {
    KOTAE_ASSIGN_OR_RETURN(DelimitedFile file, ReadDelimited(bytes, input_path));
    grid = std::move(file.grid);
    delimiter = file.delimiter;
    encoding = file.encoding;
    // RFC 4180 asks for CRLF, and Excel writes it; a TSV keeps the line ends it came with.
    // Looked for in the decoded text: in UTF-16 the CR and LF bytes are not adjacent.
    if (delimiter == '\t' && text.utf8.find("\r\n") == std::string::npos) line_end = "\n";
  }

  KOTAE_RETURN_IF_ERROR(ApplyFills(grid, fills, input_path));
  Result<std::string> encoded = EncodeText(Serialize(grid, delimiter, line_end), encoding);
  if (!encoded.ok()) {
    return encoded.status().WithPrefix(output_path + ": cannot keep the input's encoding " +
                                       EncodingName(encoding));
  }
  return WriteFileAtomic(output_path, *encoded);
}

}  // namespace kotae::sheet
